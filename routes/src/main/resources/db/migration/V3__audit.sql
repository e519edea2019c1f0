-- Samband hub, audit trail (security/AUDIT-EVENTS.md). Portable SQL: runs unchanged on H2 (MODE=PostgreSQL)
-- and PostgreSQL. Append-only: the single audit writer (se.samband.hub.audit.AuditWriter) inserts, nothing
-- updates or deletes. Hashes are stored as lower-case hex text (CHAR(64)) because H2 and PostgreSQL share no
-- binary type name; the writer converts to and from the 32 bytes the chain hashes.

-- One row per chain entry; position is gap-free from 1. Every column the canonical encoding covers is here,
-- so that a row rebuilds the same AuditEvent (else verification reports HASH_MISMATCH).
CREATE TABLE audit_entry (
    position        BIGINT                   NOT NULL,
    type            VARCHAR(40)              NOT NULL,
    outcome         VARCHAR(10)              NOT NULL,
    -- Millisecond precision is what the chain hashes (epoch milliseconds).
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    notice_id       UUID,
    actor           VARCHAR(100)             NOT NULL,
    counterpart     VARCHAR(64),
    notice_type     VARCHAR(40),
    decision        VARCHAR(10),
    legal_basis     VARCHAR(40),
    consent_id      VARCHAR(80),
    reason_code     VARCHAR(64),
    review_required BOOLEAN                  NOT NULL,
    detail_digest   CHAR(43),
    previous_hash   CHAR(64)                 NOT NULL,
    hash            CHAR(64)                 NOT NULL,
    -- AuditEvent.idempotencyKey(): a redelivered event is found here and skipped.
    idempotency_key VARCHAR(255)             NOT NULL,
    CONSTRAINT pk_audit_entry PRIMARY KEY (position),
    CONSTRAINT uq_audit_entry_idempotency UNIQUE (idempotency_key)
);

-- The event's subject pseudonyms in the notice's order (ordinal from 0), one row each, so that a security
-- officer's "everything about this subject" is one indexed lookup.
CREATE TABLE audit_subject (
    position  BIGINT      NOT NULL,
    ordinal   INTEGER     NOT NULL,
    pseudonym VARCHAR(47) NOT NULL,
    CONSTRAINT pk_audit_subject PRIMARY KEY (position, ordinal),
    CONSTRAINT fk_audit_subject_entry FOREIGN KEY (position) REFERENCES audit_entry (position)
);

-- The security officer's queries: by subject, notice, agency (either side), period, decision, legal basis.
CREATE INDEX ix_audit_subject_pseudonym ON audit_subject (pseudonym, position);
CREATE INDEX ix_audit_entry_notice ON audit_entry (notice_id, position);
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor, occurred_at);
CREATE INDEX ix_audit_entry_counterpart ON audit_entry (counterpart, occurred_at);
CREATE INDEX ix_audit_entry_occurred_at ON audit_entry (occurred_at);
CREATE INDEX ix_audit_entry_decision ON audit_entry (decision, occurred_at);
CREATE INDEX ix_audit_entry_legal_basis ON audit_entry (legal_basis, occurred_at);
-- Follow-up reviews of legal-basis and emergency disclosures.
CREATE INDEX ix_audit_entry_review ON audit_entry (review_required, occurred_at);

-- Signed statements "the entry at position has head_hash", written in the transaction of the batch they
-- cover. Verification trusts only the hub's configured certificates, never anything stored here.
CREATE TABLE audit_checkpoint (
    position      BIGINT                   NOT NULL,
    head_hash     CHAR(64)                 NOT NULL,
    signed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    signer_key_id CHAR(43)                 NOT NULL,
    -- Base64 of the DER ECDSA or RSASSA-PSS signature.
    signature     VARCHAR(2048)            NOT NULL,
    CONSTRAINT pk_audit_checkpoint PRIMARY KEY (position, signer_key_id)
);
