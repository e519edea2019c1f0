/**
 * Intake: the pipeline of ARCHITECTURE.md for one submission (admit, verify, route, decide), returning
 * a dispatch plan and the per-recipient outcomes without touching the broker.
 */
package se.samband.hub.intake;
