package se.samband.hub.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import se.samband.hub.audit.AuditWriter;

/**
 * What the audit writer has appended since the hub started: entries, and the database transactions they took.
 * Their ratio is the writer's batch size, which decides its cost: every transaction rewrites the index pages it
 * touched (H2) or costs a sync (PostgreSQL), whatever the number of entries in it (routes/README.md, "Audit").
 */
final class AuditWriterMeters implements MeterBinder {
    private final AuditWriter writer;

    AuditWriterMeters(AuditWriter writer) {
        this.writer = writer;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(MetricNames.AUDIT_WRITER_ENTRIES, writer, AuditWriter::entriesWritten)
                .description("Audit entries the audit writer appended since the hub started").register(registry);
        FunctionCounter.builder(MetricNames.AUDIT_WRITER_TRANSACTIONS, writer, AuditWriter::batchesWritten)
                .description("Database transactions in which the audit writer appended entries").register(registry);
    }
}
