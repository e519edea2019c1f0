package se.samband.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnGcPausesTest {

    @Test
    void countsPausesNotConcurrentCycles() {
        assertThat(OwnGcPauses.ofThisJvm()).as("one listener per JVM").isSameAs(OwnGcPauses.ofThisJvm());
        assertThat(OwnGcPauses.isPauseCollector("G1 Young Generation")).isTrue();
        assertThat(OwnGcPauses.isPauseCollector("G1 Old Generation")).isTrue();
        assertThat(OwnGcPauses.isPauseCollector("ZGC Pauses")).isTrue();
        assertThat(OwnGcPauses.isPauseCollector("Shenandoah Pauses")).isTrue();
        assertThat(OwnGcPauses.isPauseCollector("ZGC Cycles")).isFalse();
        assertThat(OwnGcPauses.isPauseCollector("Shenandoah Cycles")).isFalse();
        // JDK 20 and later: G1's remark and cleanup pauses stop the threads too.
        assertThat(OwnGcPauses.isPauseCollector("G1 Concurrent GC")).isTrue();
    }

    @Test
    void describesThePausesAfterTheMark() {
        OwnGcPauses pauses = new OwnGcPauses();
        pauses.add(400_000);
        int mark = pauses.mark();
        pauses.add(12_000);
        pauses.add(29_400);

        assertThat(pauses.describeSince(mark)).isEqualTo("bench JVM: GC 2 pauses, 41 ms in all, the longest 29 ms");
        assertThat(pauses.describeSince(pauses.mark()))
                .isEqualTo("bench JVM: GC 0 pauses, 0 ms in all, the longest 0 ms");
    }

    @Test
    void hearsThisJvmsOwnCollections() throws InterruptedException {
        OwnGcPauses pauses = OwnGcPauses.ofThisJvm();
        int mark = pauses.mark();
        System.gc();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (pauses.mark() == mark && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pauses.mark()).as("a full collection was reported").isGreaterThan(mark);
        assertThat(pauses.describeSince(mark)).startsWith("bench JVM: GC ");
    }
}
