-- Samband hub, people: local accounts of operators and security officers (the embedded default; with OIDC the
-- organisation's provider holds them) and the security officers' follow-up reviews of disclosures.
-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- One row per local account. password_hash is Spring Security's DelegatingPasswordEncoder format
-- ({bcrypt}..., {argon2}...), so the algorithm can change without a migration. roles: comma-separated
-- PersonRole names (OPERATOR, SECURITY_OFFICER). The account name appears in the audit trail as role:account,
-- so it must not be a person's name or number (the hub accepts [a-z][a-z0-9._-]{0,63}).
CREATE TABLE person_account (
    username            VARCHAR(64)              NOT NULL,
    password_hash       VARCHAR(500)             NOT NULL,
    roles               VARCHAR(200)             NOT NULL,
    enabled             BOOLEAN                  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_person_account PRIMARY KEY (username)
);

-- A completed follow-up review of one disclosure that rested on a basis other than a matching consent: the audit
-- entry at that position (a DISCLOSURE_DECIDED with review_required). One review per entry; the review itself is
-- also a REVIEW_COMPLETED event in the chain. The comment is the officer's own words and never leaves the hub
-- through the audit chain (which takes no free text).
CREATE TABLE disclosure_review (
    position       BIGINT                   NOT NULL,
    reviewed_by    VARCHAR(100)             NOT NULL,
    reviewed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finding        VARCHAR(32)              NOT NULL,
    review_comment VARCHAR(2000)            NOT NULL,
    CONSTRAINT pk_disclosure_review PRIMARY KEY (position),
    CONSTRAINT fk_disclosure_review_entry FOREIGN KEY (position) REFERENCES audit_entry (position)
);

CREATE INDEX ix_disclosure_review_reviewed_at ON disclosure_review (reviewed_at);
