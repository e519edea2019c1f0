/**
 * Intake: the pipeline of ARCHITECTURE.md for one submission (admit, verify, route, decide), returning a dispatch
 * plan and the per-recipient outcomes without touching the broker. {@link se.samband.hub.intake.HubNoticePipeline}
 * composes the steps; admission (size, strict container and header, clock skew, expiry, replay), the plan and the
 * respond-by calculation live here, the other steps in their own packages ({@code verify}, {@code routing},
 * {@code decision}, {@code receipt}). {@link se.samband.hub.intake.IntakeRoute} consumes the inbox, runs the
 * pipeline and writes the plan in the consumer's own JMS transaction.
 */
package se.samband.hub.intake;
