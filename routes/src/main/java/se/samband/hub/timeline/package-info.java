/**
 * The case timeline (issue 6): every notice, decision, receipt and escalation about a subject or case, from the
 * audit trail; for participants their own notices ({@code GET /api/v1/timeline}, mTLS), for security officers
 * everything, audited as {@code TIMELINE_VIEWED}.
 */
package se.samband.hub.timeline;
