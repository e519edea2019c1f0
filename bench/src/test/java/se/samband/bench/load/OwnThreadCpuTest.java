package se.samband.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.samband.bench.load.OwnThreadCpu.Role;

class OwnThreadCpuTest {
    private static final Pattern GENERATOR = Pattern.compile("load generator (-?\\d+\\.\\d\\d)");
    private static final Pattern BASELINE = Pattern.compile("baseline broker and forwarders (-?\\d+\\.\\d\\d)");

    @Test
    void tellsTheBaselineBrokersThreadsFromItsClients() {
        // Full names as a thread dump of the bench JVM shows them in a forwarder run.
        assertEquals(Role.BASELINE, Role.of("Thread-12 (activemq-samband-bench-baseline)"));
        assertEquals(Role.BASELINE, Role.of("Thread-3 (activemq-remoting-tls-samband-bench-baseline)"));
        assertEquals(Role.BASELINE, Role.of("Thread-0 (activemq-paging-samband-bench-baseline)"));
        assertEquals(Role.BASELINE, Role.of(
                "Thread-5 (activemq-org.apache.activemq.artemis.core.remoting.impl.invm.-in-v-m-connector)"));
        assertEquals(Role.BASELINE, Role.of("bench-forwarder-2"));
        assertEquals(Role.LOAD_GENERATOR, Role.of("bench-producer-polisen.halland"));
        assertEquals(Role.LOAD_GENERATOR, Role.of("bench-consumer-socialtjanst.varberg"));
        assertEquals(Role.LOAD_GENERATOR, Role.of("Thread-4 (activemq-client-remoting)"));
        assertEquals(Role.LOAD_GENERATOR, Role.of("Thread-1 (activemq-client-global-flow-control)"));
        assertEquals(Role.OTHER, Role.of("main"));
        assertEquals(Role.OTHER, Role.of("HttpClient-1-Worker-0"));
    }

    @Test
    void chargesABusyThreadsTimeToItsRoleWhetherItHasEndedOrNot() throws InterruptedException {
        assumeTrue(ManagementFactory.getThreadMXBean().isThreadCpuTimeEnabled(), "no thread CPU time in this JVM");
        OwnThreadCpu before = OwnThreadCpu.read();
        // A forwarder ends with its run, before the reading that closes the run.
        Thread forwarder = new Thread(OwnThreadCpu.counted(() -> spin(200_000_000L)),
                ForwarderBaseline.FORWARDER_THREAD + "test");
        forwarder.start();
        forwarder.join();
        // A pooled client thread is still alive at that reading.
        CountDownLatch read = new CountDownLatch(1);
        Thread client = busyUntil(read, "Thread-99 (activemq-client-global-threads)");
        String line = OwnThreadCpu.read().describeSince(before, 1);
        read.countDown();
        client.join();

        // 200 ms of wall time spinning each; a loaded machine may give a thread less of it.
        assertTrue(millis(BASELINE, line) >= 50, line);
        assertTrue(millis(GENERATOR, line) >= 50, line);
        assertTrue(line.endsWith("ms CPU per notice"), line);
    }

    @Test
    void aPooledThreadThatEndsUncountedTakesNothingFromItsRole() throws InterruptedException {
        assumeTrue(ManagementFactory.getThreadMXBean().isThreadCpuTimeEnabled(), "no thread CPU time in this JVM");
        // As Artemis lets an idle pool thread go: busy before the first reading, ended before the second.
        CountDownLatch read = new CountDownLatch(1);
        Thread pooled = busyUntil(read, "Thread-7 (activemq-samband-bench-baseline)");
        OwnThreadCpu before = OwnThreadCpu.read();
        read.countDown();
        pooled.join();

        String line = OwnThreadCpu.read().describeSince(before, 1);

        assertEquals(0.0, millis(BASELINE, line), 0.5, line);
    }

    private static double millis(Pattern role, String line) {
        Matcher matcher = role.matcher(line);
        assertTrue(matcher.find(), line);
        return Double.parseDouble(matcher.group(1));
    }

    /** A started thread named {@code name} that has spun for 200 ms and then waits, alive, for {@code released}. */
    private static Thread busyUntil(CountDownLatch released, String name) throws InterruptedException {
        Thread thread = new Thread(() -> {
            spin(200_000_000L);
            awaitQuietly(released);
        }, name);
        thread.start();
        Thread.sleep(300);
        return thread;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Busy for {@code nanos} of wall time. */
    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        long sum = 0;
        while (System.nanoTime() < end) {
            sum += end % 7;
        }
        if (sum == 42) {
            Thread.onSpinWait();
        }
    }
}
