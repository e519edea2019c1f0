-- Samband hub, handover state (se.samband.hub.handover). Portable SQL: runs unchanged on H2 (MODE=PostgreSQL)
-- and PostgreSQL. A projection of the audit events, kept by the audit writer in the same database transaction
-- as the audit entries it comes from.

-- One notice to one recipient, as it stands. sender and respond_by come with the audit message (JMS
-- properties set by the dispatcher), not from the event itself; they are null when the message had none.
CREATE TABLE handover (
    notice_id   UUID                     NOT NULL,
    recipient   VARCHAR(64)              NOT NULL,
    sender      VARCHAR(64),
    notice_type VARCHAR(40),
    state       VARCHAR(16)              NOT NULL,
    reason_code VARCHAR(64),
    respond_by  TIMESTAMP WITH TIME ZONE,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_handover PRIMARY KEY (notice_id, recipient)
);

-- Operators: open handovers by state and deadline; senders: their notices.
CREATE INDEX ix_handover_state ON handover (state, respond_by);
CREATE INDEX ix_handover_sender ON handover (sender, updated_at);

-- Every notice id the hub has decided on or refused, so that admission's replay check is one primary-key
-- lookup (a refused notice id counts too: a sender may not reuse it).
CREATE TABLE notice_seen (
    notice_id   UUID                     NOT NULL,
    first_event VARCHAR(40)              NOT NULL,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_notice_seen PRIMARY KEY (notice_id)
);
