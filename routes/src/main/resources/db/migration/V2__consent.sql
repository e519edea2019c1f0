-- Samband hub, consent registry (read by the pipeline's decision step, written by the registry API).
-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.
-- Only pseudonyms, participant ids, codes and opaque references: no name or personal identity number.

-- One row per version of a consent (or refusal). A version never changes: a change, a withdrawal included,
-- is a new version, and the decision judges by the highest version of each consent id.
CREATE TABLE consent_record (
    consent_id           VARCHAR(64)              NOT NULL,
    consent_version      INTEGER                  NOT NULL,
    status               VARCHAR(20)              NOT NULL,
    subject_pseudonym    VARCHAR(47)              NOT NULL,
    given_by             VARCHAR(30),
    recorded_by          VARCHAR(64)              NOT NULL,
    recorded_by_function VARCHAR(64),
    recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    consent_form         VARCHAR(20),
    evidence_ref         VARCHAR(128),
    valid_from           TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_to             TIMESTAMP WITH TIME ZONE NOT NULL,
    effect               VARCHAR(10)              NOT NULL,
    withdrawn_at         TIMESTAMP WITH TIME ZONE,
    withdrawn_via        VARCHAR(64),
    CONSTRAINT pk_consent_record PRIMARY KEY (consent_id, consent_version),
    CONSTRAINT ck_consent_record_version CHECK (consent_version >= 1),
    CONSTRAINT ck_consent_record_status CHECK (status IN ('ACTIVE', 'WITHDRAWN', 'EXPIRED', 'ENTERED_IN_ERROR')),
    CONSTRAINT ck_consent_record_effect CHECK (effect IN ('PERMIT', 'DENY')),
    CONSTRAINT ck_consent_record_period CHECK (valid_to > valid_from)
);

-- The decision reads every consent of a notice's subjects.
CREATE INDEX ix_consent_record_subject ON consent_record (subject_pseudonym);

-- The named scope of a consent version, one row per named value, so that the registry can also ask the
-- reverse question (which consents name this recipient?) when a consent is withdrawn. Dimensions:
-- SENDER and RECIPIENT (participant ids), NOTICE_TYPE, DATA_CATEGORY, PURPOSE (enum names). No wildcards.
CREATE TABLE consent_scope (
    consent_id      VARCHAR(64) NOT NULL,
    consent_version INTEGER     NOT NULL,
    dimension       VARCHAR(20) NOT NULL,
    code            VARCHAR(64) NOT NULL,
    CONSTRAINT pk_consent_scope PRIMARY KEY (consent_id, consent_version, dimension, code),
    CONSTRAINT fk_consent_scope_record FOREIGN KEY (consent_id, consent_version)
        REFERENCES consent_record (consent_id, consent_version),
    CONSTRAINT ck_consent_scope_dimension
        CHECK (dimension IN ('SENDER', 'RECIPIENT', 'NOTICE_TYPE', 'DATA_CATEGORY', 'PURPOSE'))
);

CREATE INDEX ix_consent_scope_code ON consent_scope (dimension, code);

-- Risk flags on a perpetrator's pseudonym: "contacting this person may endanger the victim until ...".
-- Kept after they end or are cleared, for the audit of who set what when.
CREATE TABLE risk_flag (
    flag_id           VARCHAR(36)              NOT NULL,
    subject_pseudonym VARCHAR(47)              NOT NULL,
    set_by            VARCHAR(64)              NOT NULL,
    valid_until       TIMESTAMP WITH TIME ZONE NOT NULL,
    reason_code       VARCHAR(64)              NOT NULL,
    set_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    cleared_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_risk_flag PRIMARY KEY (flag_id)
);

CREATE INDEX ix_risk_flag_subject ON risk_flag (subject_pseudonym);
