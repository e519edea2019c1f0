/**
 * Handover state: one notice to one recipient, from decision to acceptance, and which notice ids the hub
 * knows. Kept from the audit events by {@link se.samband.hub.handover.HandoverProjection} in the audit
 * writer's transaction; read through {@link se.samband.hub.handover.HandoverStore}.
 */
package se.samband.hub.handover;
