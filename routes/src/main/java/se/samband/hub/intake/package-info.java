/**
 * Intake: the pipeline of ARCHITECTURE.md for one submission (admit, verify, route, decide), returning
 * a dispatch plan and the per-recipient outcomes without touching the broker, and the inbox route
 * ({@link se.samband.hub.intake.IntakeRoute}) that runs it and writes the plan in the consumer's own JMS
 * transaction.
 */
package se.samband.hub.intake;
