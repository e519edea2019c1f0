-- Samband hub, case references for the case timeline (se.samband.hub.timeline). Portable SQL: runs unchanged on H2
-- (MODE=PostgreSQL) and PostgreSQL. Kept by the audit writer (HandoverProjection) in the transaction of the audit
-- entries, from the caseRefDigest property the dispatcher sets on a notice's audit messages.
--
-- The header's caseRef is an agency's opaque key to its case file; the hub stores only its SHA-256 (base64url,
-- 43 characters), which finds the notices of a case when the timeline is asked with the same reference, and keeps
-- the reference itself out of the database. One row per notice that carried a caseRef.
CREATE TABLE notice_case_ref (
    notice_id       UUID     NOT NULL,
    case_ref_digest CHAR(43) NOT NULL,
    CONSTRAINT pk_notice_case_ref PRIMARY KEY (notice_id)
);

CREATE INDEX ix_notice_case_ref_digest ON notice_case_ref (case_ref_digest);
