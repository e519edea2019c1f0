package se.samband.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The JMH benchmark's operations run and do what they measure: not a timing, just that {@code java -jar
 * samband-benchmarks.jar SealBenchmark} does not fail in its set-up (its header once broke the pseudonym pattern,
 * and nothing noticed until the benchmark was run by hand).
 */
class SealBenchmarkTest {

    @Test
    void everyOperationWorksForOneAndThreeRecipients() throws Exception {
        for (int recipients : new int[] {1, 3}) {
            SealBenchmark benchmark = new SealBenchmark();
            benchmark.recipients = recipients;
            benchmark.setUp();
            try {
                assertThat(benchmark.seal().body()).isNotEmpty();
                assertThat(benchmark.open().payload()).hasSize(2048);
                assertThat(benchmark.verifyHeader().header().recipients()).hasSize(recipients);
            } finally {
                benchmark.tearDown();
            }
        }
    }
}
