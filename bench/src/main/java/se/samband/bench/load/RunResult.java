package se.samband.bench.load;

import org.HdrHistogram.Histogram;

/**
 * One measured run: how many notices were sent, how many recipient copies and receipts came back (and how many
 * copies twice), the wall time from the first submit to the last copy, and the end-to-end latency in microseconds,
 * also cut into its parts for the slowest copies.
 */
record RunResult(int notices, int expectedCopies, int copies, int duplicateCopies, int receipts, int unexpected,
                 long elapsedNanos, Histogram latencyMicros, LatencySplit split, int meanReceiptBytes,
                 double hubCpuCores,
                 double hubHeapMiB, double hubCpuMillisPerNotice) {

    double throughput() {
        return notices * 1e9 / Math.max(1, elapsedNanos);
    }


    double latencyMillis(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** Every notice reached every one of its recipients exactly once, and nothing unexpected arrived. */
    boolean accounted() {
        return copies == expectedCopies && duplicateCopies == 0 && unexpected == 0;
    }

    /**
     * @param cpuCores           the hub's CPU time during the run over the run's wall time
     * @param cpuMillisPerNotice the hub's CPU time (all its threads: intake, broker, audit writer, JIT compiler, GC)
     *                           from the run's start until its audit trail had caught up, per notice: less sensitive
     *                           to other processes on the machine than the throughput, which is what they take away
     */
    RunResult withHub(double cpuCores, double heapMiB, double cpuMillisPerNotice) {
        return new RunResult(notices, expectedCopies, copies, duplicateCopies, receipts, unexpected, elapsedNanos,
                latencyMicros, split, meanReceiptBytes, cpuCores, heapMiB, cpuMillisPerNotice);
    }
}
