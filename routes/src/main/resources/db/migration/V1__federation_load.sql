-- Samband hub, foundation schema. Portable SQL: runs unchanged on H2 (file mode) and PostgreSQL.

-- One row per federation file the hub has run with (id, version and exact content), so that a security
-- officer can tell which participants, routing policy and legal-basis table were in force at any time.
CREATE TABLE federation_load (
    federation_id      VARCHAR(100)             NOT NULL,
    federation_version VARCHAR(50)              NOT NULL,
    file_sha256        CHAR(64)                 NOT NULL,
    participant_count  INTEGER                  NOT NULL,
    source             VARCHAR(500)             NOT NULL,
    loaded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_federation_load PRIMARY KEY (federation_id, federation_version, file_sha256)
);

CREATE INDEX ix_federation_load_loaded_at ON federation_load (loaded_at);
