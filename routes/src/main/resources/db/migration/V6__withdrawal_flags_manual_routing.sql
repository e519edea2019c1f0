-- Samband hub: the CONSENT_WITHDRAWN fan-out, the risk-flag API and the manual routing queue for protected
-- identities. Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL. Ids, codes and pseudonyms only.

-- Every CONSENT_WITHDRAWN notice the hub sent: one per withdrawn consent and earlier recipient. Written after the
-- broker committed the notice (its id is derived from consent and recipient, so a resend is a broker duplicate);
-- the follow-up after a withdrawal skips the recipients found here.
CREATE TABLE consent_withdrawal_notice (
    consent_id VARCHAR(64)              NOT NULL,
    recipient  VARCHAR(64)              NOT NULL,
    notice_id  VARCHAR(36)              NOT NULL,
    sent_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_consent_withdrawal_notice PRIMARY KEY (consent_id, recipient)
);

-- The follow-up after withdrawals looks for the consents withdrawn within its window.
CREATE INDEX ix_consent_record_status ON consent_record (status, recorded_at);

-- Who received notices on a consent: the fan-out reads NOTICE_DISPATCHED entries by consent id (and security
-- officers ask the same question).
CREATE INDEX ix_audit_entry_consent ON audit_entry (consent_id, type);

-- Risk flags (table of V2): who cleared a flag, and when the hub recorded that a flag ran out (RISK_FLAG_CLEARED
-- with reason EXPIRED), so that the end of each flag is audited once.
ALTER TABLE risk_flag ADD COLUMN cleared_by VARCHAR(64);
ALTER TABLE risk_flag ADD COLUMN end_recorded_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_risk_flag_open ON risk_flag (end_recorded_at, valid_until);

-- A held copy an operator returned to its sender from the manual routing queue leaves HELD as RETURNED.
ALTER TABLE held_notice DROP CONSTRAINT ck_held_notice_state;
ALTER TABLE held_notice ADD CONSTRAINT ck_held_notice_state
    CHECK (state IN ('HELD', 'RELEASED', 'EXPIRED', 'RETURNED'));

-- The manual routing queue: notices about a person with protected identity, which the hub never routes on its
-- own. One row per notice; its held copies (held_notice, reason MANUAL_ROUTING_PROTECTED_IDENTITY) are the
-- intended recipients. An operator routes (ROUTED: delivered as a release) or returns it (RETURNED: the sender
-- gets an ESCALATION). The operator's comment is free text and stays here: the audit trail gets its digest only.
CREATE TABLE manual_routing (
    notice_id   VARCHAR(36)              NOT NULL,
    sender      VARCHAR(64)              NOT NULL,
    notice_type VARCHAR(40)              NOT NULL,
    queued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    state       VARCHAR(10)              NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE,
    resolved_by VARCHAR(100),
    resolution_comment VARCHAR(500),
    CONSTRAINT pk_manual_routing PRIMARY KEY (notice_id),
    CONSTRAINT ck_manual_routing_state CHECK (state IN ('QUEUED', 'ROUTED', 'RETURNED'))
);

CREATE INDEX ix_manual_routing_state ON manual_routing (state, queued_at);
