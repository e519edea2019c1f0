package se.samband.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The queue depth a sustained run watches: once a second, the recipient copies submitted but not yet delivered
 * (waiting in the hub's inbox, in its pipeline or on a recipient's queue). A hub that keeps up holds it flat; one
 * that does not lets it grow for as long as the load lasts.
 */
final class Backlog {
    private final List<Integer> perSecond = new ArrayList<>();

    synchronized void sample(int copiesInFlight) {
        perSecond.add(copiesInFlight);
    }

    synchronized List<Integer> perSecond() {
        return List.copyOf(perSecond);
    }

    /** Mean of the samples in [from, to) seconds; NaN when there are none. */
    synchronized double mean(int from, int to) {
        int end = Math.min(to, perSecond.size());
        if (from >= end) {
            return Double.NaN;
        }
        long sum = 0;
        for (int i = from; i < end; i++) {
            sum += perSecond.get(i);
        }
        return (double) sum / (end - from);
    }

    synchronized int max() {
        return perSecond.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /**
     * Whether the depth of the last minute of load stayed within what the first minute held plus a tenth of a
     * second of offered load (noise: a collection pause or a journal compaction parks that much for a moment).
     */
    synchronized boolean steady(int loadSeconds, double ratePerSecond) {
        int window = Math.min(60, Math.max(1, loadSeconds / 4));
        double first = mean(0, window);
        double last = mean(Math.max(0, loadSeconds - window), loadSeconds);
        return !(last > first + Math.max(10, ratePerSecond * 0.1));
    }
}
