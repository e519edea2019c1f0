/**
 * The hub's metrics for Prometheus ({@code /actuator/prometheus}, management port): what the pipeline committed,
 * how long its steps took, queue depths, overdue and held handovers, certificate expiry and the audit chain.
 * No personal data and no pseudonyms in any name or tag (routes/README.md "Metrics").
 */
package se.samband.hub.metrics;
