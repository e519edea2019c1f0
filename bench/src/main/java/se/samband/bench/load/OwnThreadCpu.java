package se.samband.bench.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bench JVM's own CPU by role: its load generator (the simulated agencies' producers and consumers and their
 * Artemis client threads) and, in a baseline run, the baseline's broker with its forwarders. A hub run's figure for
 * the generator says how much of the two cores the hub did not have; a forwarder run's figure for the broker is the
 * cost of the same messages on a broker without the hub's work, to hold against the hub's own broker threads.
 *
 * <p>Read through {@link ThreadMXBean}, which sees the Java threads' full names (Linux cuts them to 15 characters,
 * too short to tell the broker's threads from its clients'); the JVM's own threads (collector, compiler) are what
 * the process's CPU holds beyond them.
 */
final class OwnThreadCpu {
    /** What a thread of the bench JVM does, by its full name. */
    enum Role {
        LOAD_GENERATOR("load generator"), BASELINE("baseline broker and forwarders"), OTHER("other threads");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        static Role of(String name) {
            if (name.startsWith(LoadDriver.PRODUCER_THREAD) || name.startsWith(LoadDriver.CONSUMER_THREAD)
                    || name.contains("(activemq-client-")) {
                return LOAD_GENERATOR;
            }
            // The baseline broker's threads carry its name ("activemq-samband-bench-baseline",
            // "activemq-remoting-tls-samband-bench-baseline", ...); its in-VM acceptor runs the forwarders'
            // packets on threads of its own.
            if (name.startsWith(ForwarderBaseline.FORWARDER_THREAD) || name.contains(ForwarderBaseline.BROKER_NAME)
                    || name.contains("in-v-m-connector")) {
                return BASELINE;
            }
            return OTHER;
        }
    }

    /**
     * The last CPU time of each counted thread that ended (see {@link #counted}), kept as if it were still alive: a
     * run's producers, consumers and forwarders end before the reading that closes it. A few dozen per run.
     */
    private static final Map<Long, Sample> ENDED = new ConcurrentHashMap<>();

    /** One thread at a reading: its role and CPU time. */
    private record Sample(Role role, long nanos) {
    }

    /** Every thread at the reading, live or counted and ended, by thread id; empty where nothing is measured. */
    private final Map<Long, Sample> threads;
    private final long processNanos;

    private OwnThreadCpu(Map<Long, Sample> threads, long processNanos) {
        this.threads = threads;
        this.processNanos = processNanos;
    }

    /** {@code task}, keeping its thread's CPU time for the readings after it ends. */
    static Runnable counted(Runnable task) {
        return () -> {
            try {
                task.run();
            } finally {
                ThreadMXBean bean = ManagementFactory.getThreadMXBean();
                if (bean.isThreadCpuTimeEnabled()) {
                    Thread self = Thread.currentThread();
                    ENDED.put(self.getId(), new Sample(Role.of(self.getName()), bean.getCurrentThreadCpuTime()));
                }
            }
        };
    }

    /** This JVM's threads now; empty where the JVM does not measure thread CPU time. */
    static OwnThreadCpu read() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Map<Long, Sample> threads = new HashMap<>();
        if (bean.isThreadCpuTimeSupported() && bean.isThreadCpuTimeEnabled()) {
            for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
                long cpu = info != null ? bean.getThreadCpuTime(info.getThreadId()) : -1;
                if (cpu >= 0) {
                    threads.put(info.getThreadId(), new Sample(Role.of(info.getThreadName()), cpu));
                }
            }
            // After the live ones: a thread seen alive just after it counted itself keeps its final figure.
            threads.putAll(ENDED);
        }
        long process = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos();
        return new OwnThreadCpu(threads, process);
    }

    /**
     * e.g. "load generator 0.41, baseline broker and forwarders 0.02, other threads 0.01, the JVM's own (collector,
     * compiler) 0.05 ms CPU per notice": what each role used since {@code before}, over {@code notices}, as each
     * thread's growth (all of it for a thread that started since). A pooled thread that ended without being counted
     * (Artemis lets idle ones go) is missing from this reading, so its last minutes fall to the JVM's own: a small
     * error, never a negative one.
     */
    String describeSince(OwnThreadCpu before, int notices) {
        if (threads.isEmpty() || notices <= 0) {
            return "bench JVM: thread CPU time not measured here";
        }
        Map<Role, Long> used = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            used.put(role, 0L);
        }
        threads.forEach((tid, now) -> {
            Sample earlier = before.threads.get(tid);
            used.merge(now.role(), now.nanos() - (earlier != null ? earlier.nanos() : 0L), Long::sum);
        });
        StringBuilder line = new StringBuilder("bench JVM: ");
        long attributed = 0;
        for (Map.Entry<Role, Long> role : used.entrySet()) {
            attributed += role.getValue();
            line.append(String.format(Locale.ROOT, "%s %.2f, ", role.getKey().label, role.getValue() / 1e6 / notices));
        }
        long jvmOwn = Math.max(0, processNanos - before.processNanos - attributed);
        return line.append(String.format(Locale.ROOT, "the JVM's own (collector, compiler) %.2f ms CPU per notice",
                jvmOwn / 1e6 / notices)).toString();
    }
}
