-- Samband hub, respond-by watch (se.samband.hub.watch). Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and
-- PostgreSQL.
--
-- The watch finds the handovers whose respond-by time has passed here, instead of one scheduled message per
-- handover on samband.hub.watch: a scheduled message waits in the broker's heap (about 2.3 KB each, measured in
-- bench/RESULTS.md), which a day's notices at the hub's rate would not fit in.
--
-- watch_due is the respond-by time while the handover waits for a respond-by escalation, else null. The audit
-- writer sets it with the respond-by time the dispatcher gave (a delivery, a held notice released) and clears it
-- when the handover closes, becomes OVERDUE or is escalated; the watch clears it after it escalated.
ALTER TABLE handover ADD COLUMN watch_due TIMESTAMP WITH TIME ZONE;

-- Handovers still waiting when this version is installed: open, with a respond-by time, not yet escalated.
UPDATE handover SET watch_due = respond_by
 WHERE respond_by IS NOT NULL
   AND state IN ('DELIVERED', 'RECEIVED', 'DECLINED')
   AND NOT EXISTS (SELECT 1 FROM audit_entry
                    WHERE audit_entry.notice_id = handover.notice_id
                      AND audit_entry.counterpart = handover.recipient
                      AND audit_entry.type = 'HANDOVER_ESCALATED');

-- The watch's one query: due handovers, oldest first. Rows not waiting hold null and are never in the range.
CREATE INDEX ix_handover_watch_due ON handover (watch_due);
