/**
 * The hub load benchmark ({@code samband bench}): a pool of notices sealed before the clock starts, submitted to
 * the hub's TLS acceptor by one producer per sending agency, read back from every participant's queue, with
 * throughput, end-to-end latency (HdrHistogram) and exactly-once accounting; and, in the same run, the bare
 * transactional forwarder on an equivalent broker that bounds what the hub can reach.
 */
package se.samband.bench.load;
