-- Samband hub, operator console (se.samband.hub.console): when the hub last heard from each participant.
-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.
-- Written every few seconds from memory (a broker session or send, an API request with the participant's
-- certificate), so the console still shows a participant's last contact after a restart.
CREATE TABLE participant_contact (
    participant  VARCHAR(64)              NOT NULL,
    last_contact TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_participant_contact PRIMARY KEY (participant)
);
