package se.samband.hub.riskflag;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;

/**
 * The body of {@code POST /api/v1/risk-flags}: whom the flag is on, until when contacting them is unsafe (exclusive),
 * and why, as a code.
 *
 * @param subjectPseudonym the flagged person's {@code ps1:} pseudonym (also accepted as {@code subject})
 * @param until            when the flag ends by itself; required, in the future
 * @param reasonCode       an UPPER_SNAKE code that senders of held notices are told, never free text
 */
public record RiskFlagRequest(@JsonAlias("subject") String subjectPseudonym, Instant until, String reasonCode) {
}
