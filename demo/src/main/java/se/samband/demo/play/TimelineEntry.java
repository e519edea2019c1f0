package se.samband.demo.play;

import java.time.Duration;

/**
 * One line of a scenario's timeline: when (from the scenario's start), who did what to whom, which notice type on
 * which basis, and what came of it as the agencies' connectors report it.
 *
 * @param from    the acting agency (short name), or "hub" for what the hub did on its own
 * @param to      the counterpart, or empty
 * @param what    the notice type, or an action such as "consent registered"
 * @param basis   the legal basis (with the consent id), or empty
 * @param outcome SUBMITTED, HELD, DENIED, DELIVERED, RECEIVED, ACCEPTED, DECLINED, ESCALATED, … or a short word
 * @param note    a reason code or a remark, never personal data
 */
public record TimelineEntry(Duration at, String from, String to, String what, String basis, String outcome,
                            String note) {
}
