package se.samband.bench.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

/**
 * Where the slowest copies' time went. Each copy's latency is cut in three by two more stamps: when the bench's
 * blocking send returned (the notice durable in the broker's inbox), and when the hub (or the baseline's forwarder)
 * sent the copy, which is the copy's JMS timestamp. So a slow copy shows whether it waited to be submitted, waited in
 * the inbox or the hub's pipeline, or waited for the hub's commit and the delivery to the recipient's consumer.
 *
 * <p>The JMS timestamp is the sender's wall clock in milliseconds, so the two later parts are good to a millisecond
 * each (the bench and the hub, on 127.0.0.1, read the same clock); a copy sent before the bench's own send call had
 * returned can show a part below zero. A copy that arrived before its send call returned cannot be cut: it is
 * counted and named, and the slowest 1 % are taken from the copies that could be cut.
 */
final class LatencySplit {
    /** The part of the copies that counts as slowest: the ones at or above the p99. */
    static final double SLOWEST_PERCENT = 1.0;

    /** One copy: its latency and its three parts, in microseconds. */
    record Copy(long latency, long submit, long untilForwarded, long commitAndDelivery) {
    }

    private final ConcurrentLinkedQueue<Copy> copies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger uncut = new AtomicInteger();
    /** One instant on both clocks, to bring the JMS timestamps onto {@link System#nanoTime()}. */
    private final long baseNanos;
    private final long baseEpochMicros;

    LatencySplit() {
        this(System.nanoTime(), epochMicrosNow());
    }

    LatencySplit(long baseNanos, long baseEpochMicros) {
        this.baseNanos = baseNanos;
        this.baseEpochMicros = baseEpochMicros;
    }

    private static long epochMicrosNow() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /**
     * @param dueNanos        when the send was due (or began), {@link System#nanoTime()}
     * @param sentNanos       when the bench's send returned
     * @param forwardedMillis the copy's JMS timestamp (epoch milliseconds); 0 when the copy has none
     * @param arrivedNanos    when the recipient's consumer had it
     */
    void add(long dueNanos, long sentNanos, long forwardedMillis, long arrivedNanos) {
        if (forwardedMillis <= 0) {
            addUncut();
            return;
        }
        long forwarded = forwardedMillis * 1000 - (baseEpochMicros - baseNanos / 1000);
        long sent = sentNanos / 1000;
        long arrived = arrivedNanos / 1000;
        long due = dueNanos / 1000;
        copies.add(new Copy(arrived - due, sent - due, forwarded - sent, arrived - forwarded));
    }

    /** A copy that arrived before its send call returned, or without a JMS timestamp. */
    void addUncut() {
        uncut.incrementAndGet();
    }

    int size() {
        return copies.size();
    }

    /**
     * e.g. "slowest 1 % (90 copies, mean 61.2 ms): submit 2.1, until forwarded 52.3, commit and delivery 6.8 ms;
     * all copies: 1.0, 1.9, 1.2 ms" (means), then how many copies could not be cut, if any; empty when none could.
     */
    String describe() {
        List<Copy> all = new ArrayList<>(copies);
        if (all.isEmpty()) {
            return "";
        }
        String notCut = uncut.get() == 0 ? "" : String.format(Locale.ROOT, "; %d not cut (arrived before their send "
                + "returned, or had no timestamp)", uncut.get());
        all.sort(Comparator.comparingLong(Copy::latency).reversed());
        int slow = Math.max(1, (int) Math.ceil(all.size() * SLOWEST_PERCENT / 100));
        List<Copy> slowest = all.subList(0, slow);
        return String.format(Locale.ROOT, "slowest %.0f %% (%d %s, mean %.1f ms): submit %.1f, until forwarded "
                        + "%.1f, commit and delivery %.1f ms; all copies: %.1f, %.1f, %.1f ms", SLOWEST_PERCENT, slow,
                slow == 1 ? "copy" : "copies",
                mean(slowest, Copy::latency), mean(slowest, Copy::submit), mean(slowest, Copy::untilForwarded),
                mean(slowest, Copy::commitAndDelivery), mean(all, Copy::submit), mean(all, Copy::untilForwarded),
                mean(all, Copy::commitAndDelivery)) + notCut;
    }

    private static double mean(List<Copy> copies, ToLongFunction<Copy> part) {
        return copies.stream().mapToLong(part).average().orElse(0) / 1000;
    }
}
