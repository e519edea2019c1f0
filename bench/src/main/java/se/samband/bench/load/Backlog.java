package se.samband.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The queue depth a sustained run watches: once a second, the recipient copies due by the offered rate but not yet
 * delivered. Most wait in the hub's inbox, its pipeline or a recipient's queue; the rest are not sent yet, because
 * the senders' blocking sends fell behind their schedule (the broker, or the machine, did not take them as fast as
 * offered). Both count: a hub that is offered more than it carries slows the agencies' sends instead of filling its
 * inbox, and counting only what was sent would call that steady. A hub that keeps up holds the depth flat; one that
 * does not lets it grow for as long as the load lasts.
 */
final class Backlog {
    private final List<Integer> perSecond = new ArrayList<>();
    private final List<Integer> notSentPerSecond = new ArrayList<>();

    /**
     * @param copiesDue       recipient copies of the notices due by now at the offered rate
     * @param copiesSent      recipient copies of the notices whose send has returned
     * @param copiesDelivered recipient copies delivered
     */
    synchronized void sample(long copiesDue, long copiesSent, long copiesDelivered) {
        long due = Math.max(copiesDue, copiesSent);
        perSecond.add((int) (due - copiesDelivered));
        notSentPerSecond.add((int) (due - copiesSent));
    }

    /** The recipient copies due at {@code elapsedNanos} into a run that offers {@code ratePerSecond} notices. */
    static long copiesDue(long elapsedNanos, double ratePerSecond, int copiesPerNotice, long allCopies) {
        long notices = (long) Math.floor(elapsedNanos / 1e9 * ratePerSecond) + 1;    // the first is due at 0
        return Math.min(allCopies, notices * copiesPerNotice);
    }

    synchronized List<Integer> perSecond() {
        return List.copyOf(perSecond);
    }

    /** Mean of the samples in [from, to) seconds; NaN when there are none. */
    synchronized double mean(int from, int to) {
        return mean(perSecond, from, to);
    }

    /** Mean of the not-yet-sent part of the samples in [from, to) seconds; NaN when there are none. */
    synchronized double notSentMean(int from, int to) {
        return mean(notSentPerSecond, from, to);
    }

    private static double mean(List<Integer> samples, int from, int to) {
        int end = Math.min(to, samples.size());
        if (from >= end) {
            return Double.NaN;
        }
        long sum = 0;
        for (int i = from; i < end; i++) {
            sum += samples.get(i);
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
