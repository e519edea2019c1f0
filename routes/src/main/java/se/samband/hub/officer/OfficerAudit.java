package se.samband.hub.officer;

import se.samband.security.audit.AuditEvent;

/** Where the security officer API's own events go: the hub's audit trail (through {@code samband.hub.audit}). */
interface OfficerAudit {

    /** Records the event; returns when the broker has it (committed), throws when it could not be sent. */
    void record(AuditEvent event);
}
