package se.samband.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencySplitTest {
    private static final long BASE_NANOS = 5_000_000_000L;
    private static final long BASE_EPOCH_MICROS = 1_796_000_000_000_000L;

    private final LatencySplit split = new LatencySplit(BASE_NANOS, BASE_EPOCH_MICROS);

    /** A copy due at {@code due} ms after the base, with its three parts in ms. */
    private void copy(long due, long submit, long untilForwarded, long commitAndDelivery) {
        long dueNanos = BASE_NANOS + TimeUnit.MILLISECONDS.toNanos(due);
        long sentNanos = dueNanos + TimeUnit.MILLISECONDS.toNanos(submit);
        long forwardedMillis = BASE_EPOCH_MICROS / 1000 + due + submit + untilForwarded;
        long arrivedNanos = sentNanos + TimeUnit.MILLISECONDS.toNanos(untilForwarded + commitAndDelivery);
        split.add(dueNanos, sentNanos, forwardedMillis, arrivedNanos);
    }

    @Test
    void cutsTheSlowestCopiesLatencyIntoItsParts() {
        for (int i = 0; i < 198; i++) {
            copy(i * 10L, 1, 1, 1);
        }
        copy(2_000, 2, 53, 4);
        copy(2_010, 32, 1, 10);

        assertThat(split.describe()).isEqualTo("slowest 1 % (2 copies, mean 51.0 ms): submit 17.0, until forwarded "
                + "27.0, commit and delivery 7.0 ms; all copies: 1.2, 1.3, 1.1 ms");
    }

    @Test
    void leavesOutACopyWithoutTimestampAndSaysNothingWithoutCopies() {
        assertThat(split.describe()).isEmpty();
        split.add(BASE_NANOS, BASE_NANOS + 1_000_000, 0, BASE_NANOS + 3_000_000);
        assertThat(split.size()).isZero();

        copy(0, 1, 2, 3);
        assertThat(split.describe()).startsWith("slowest 1 % (1 copy, mean 6.0 ms): submit 1.0, until forwarded 2.0,")
                .endsWith("; 1 not cut (arrived before their send returned, or had no timestamp)");
    }
}
