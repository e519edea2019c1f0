package se.samband.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samband.bench.load.ThreadCpu.Group;

class ThreadCpuTest {

    @Test
    void groupsTheHubsThreadsByTheNamesLinuxShows() {
        assertEquals(Group.INTAKE, Group.of("Camel (camel-1)"));
        assertEquals(Group.AUDIT_WRITER, Group.of("samband-audit-w"));
        assertEquals(Group.BROKER, Group.of("Thread-3 (activ"));
        assertEquals(Group.BROKER, Group.of("Thread-15 (acti"));
        assertEquals(Group.BROKER, Group.of("activemq-buffer"));
        assertEquals(Group.JIT, Group.of("C2 CompilerThre"));
        assertEquals(Group.JIT, Group.of("C1 CompilerThre"));
        assertEquals(Group.GC, Group.of("GC Thread#0"));
        assertEquals(Group.GC, Group.of("G1 Conc#0"));
        assertEquals(Group.GC, Group.of("Shenandoah Cont"));
        assertEquals(Group.GC, Group.of("Shenandoah GC T"));
        assertEquals(Group.GC, Group.of("ZWorker#0"));
        assertEquals(Group.GC, Group.of("ZDriver"));
        assertEquals(Group.OTHER, Group.of("java"));
        assertEquals(Group.OTHER, Group.of("http-nio-127.0."));
    }

    @Test
    void countsEachThreadsGrowthAndAllOfANewOne(@TempDir Path dir) throws IOException {
        Path before = dir.resolve("before");
        Path after = dir.resolve("after");
        // A name with spaces and parentheses, as Camel's consumers have: fields are counted from the last ')'.
        task(before, 101, "Camel (camel-1)", 150, 30);
        task(before, 102, "C2 CompilerThre", 500, 0);
        task(before, 103, "Thread-7 (activ", 40, 10);
        task(after, 101, "Camel (camel-1)", 190, 40);
        task(after, 102, "C2 CompilerThre", 520, 0);
        task(after, 104, "samband-audit-w", 25, 5);

        Map<Group, Long> nanos = ThreadCpu.read(after).since(ThreadCpu.read(before));

        assertEquals(TimeUnit.MILLISECONDS.toNanos(500), nanos.get(Group.INTAKE));
        assertEquals(TimeUnit.MILLISECONDS.toNanos(200), nanos.get(Group.JIT));
        assertEquals(TimeUnit.MILLISECONDS.toNanos(300), nanos.get(Group.AUDIT_WRITER));
        // Thread 103 ended in between: its time is not the broker's here, but the process total's.
        assertEquals(0L, nanos.get(Group.BROKER));
        assertEquals("intake 5.00, broker 0.00, audit writer 3.00, JIT compiler 2.00, GC 0.00, other 0.00, ended "
                        + "threads 1.00 ms per notice",
                ThreadCpu.describe(nanos, TimeUnit.MILLISECONDS.toNanos(1_100), 100));
    }

    @Test
    void theCompilersShareIsOfTheProcesssCpu() {
        Map<Group, Long> nanos = Map.of(Group.JIT, 250L, Group.INTAKE, 500L);
        assertEquals(0.25, ThreadCpu.share(nanos, Group.JIT, 1_000));
        assertEquals(0.0, ThreadCpu.share(nanos, Group.GC, 1_000));
        assertEquals(0.0, ThreadCpu.share(nanos, Group.JIT, 0), "no CPU used, no share");
    }

    @Test
    void readsARunningThreadOfThisProcess() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux's /proc is needed");
        long pid = ProcessHandle.current().pid();
        ThreadCpu before = ThreadCpu.read(pid);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CountDownLatch busyDone = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            while (threads.getCurrentThreadCpuTime() < TimeUnit.MILLISECONDS.toNanos(300)) {
                Thread.onSpinWait();
            }
            busyDone.countDown();
            // Stays alive until read: /proc lists running threads only.
            awaitQuietly(read);
        }, "samband-audit-writer");
        writer.start();
        assertTrue(busyDone.await(30, TimeUnit.SECONDS));

        Map<Group, Long> nanos = ThreadCpu.read(pid).since(before);
        read.countDown();
        writer.join();

        long auditWriter = nanos.get(Group.AUDIT_WRITER);
        assertTrue(auditWriter >= TimeUnit.MILLISECONDS.toNanos(250), "audit writer group had " + auditWriter + " ns");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void task(Path dir, long tid, String name, long utime, long stime) throws IOException {
        Path task = Files.createDirectories(dir.resolve(Long.toString(tid)));
        Files.writeString(task.resolve("stat"), tid + " (" + name + ") S 1 1 1 0 -1 4194560 100 0 0 0 " + utime + " "
                + stime + " 0 0 20 0 1 0 100 0 0\n");
    }
}
