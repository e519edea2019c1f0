package se.samband.hub.officer;

import java.util.ArrayList;
import java.util.List;
import se.samband.security.audit.AuditEvent;

/**
 * Keeps the officer API's audit events in memory, for tests of the plain classes. What reaches the real trail
 * through the broker is checked over HTTPS on the running hub ({@code SecurityOfficerApiTest}).
 */
final class RecordingAudit implements OfficerAudit {
    final List<AuditEvent> events = new ArrayList<>();

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }
}
