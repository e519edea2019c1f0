-- Samband hub, held notices: copies the decision step held back (awaiting consent, risk flag, manual routing).
-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.
-- The container stays sealed (the hub never opens a body); it is kept as base64 text, which both databases store
-- the same way. Only ids, codes and pseudonyms besides it.

-- One row per notice x recipient that was held. State HELD until the notice is released (delivered to the
-- recipient) or the hold window ends (EXPIRED: the sender got an ESCALATION with reason HOLD_EXPIRED).
CREATE TABLE held_notice (
    notice_id    VARCHAR(36)              NOT NULL,
    recipient    VARCHAR(64)              NOT NULL,
    sender       VARCHAR(64)              NOT NULL,
    notice_type  VARCHAR(40)              NOT NULL,
    reason       VARCHAR(40)              NOT NULL,
    consent_id   VARCHAR(64),
    held_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    hold_until   TIMESTAMP WITH TIME ZONE NOT NULL,
    state        VARCHAR(10)              NOT NULL,
    state_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    container    TEXT                     NOT NULL,
    CONSTRAINT pk_held_notice PRIMARY KEY (notice_id, recipient),
    CONSTRAINT ck_held_notice_state CHECK (state IN ('HELD', 'RELEASED', 'EXPIRED'))
);

-- The release looks up what a consent id names; the sweeps what is still held and when it runs out.
CREATE INDEX ix_held_notice_consent ON held_notice (consent_id);
CREATE INDEX ix_held_notice_state ON held_notice (state, hold_until);

-- The subjects of each held notice, so that a change to a subject's consents finds its held notices.
CREATE TABLE held_subject (
    notice_id         VARCHAR(36) NOT NULL,
    recipient         VARCHAR(64) NOT NULL,
    subject_pseudonym VARCHAR(47) NOT NULL,
    CONSTRAINT pk_held_subject PRIMARY KEY (notice_id, recipient, subject_pseudonym),
    CONSTRAINT fk_held_subject_notice FOREIGN KEY (notice_id, recipient) REFERENCES held_notice (notice_id, recipient)
);

CREATE INDEX ix_held_subject_pseudonym ON held_subject (subject_pseudonym);
