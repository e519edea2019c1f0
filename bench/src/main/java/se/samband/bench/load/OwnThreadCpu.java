package se.samband.bench.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

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

    /** CPU time of the threads that ended, by role, added as each ends (see {@link #counted}). */
    private static final Map<Role, LongAdder> ENDED = new EnumMap<>(Role.class);
    /** Threads whose time is in {@link #ENDED} already, though they may still be seen alive for a moment. */
    private static final Set<Long> ENDING = ConcurrentHashMap.newKeySet();

    static {
        for (Role role : Role.values()) {
            ENDED.put(role, new LongAdder());
        }
    }

    /** Each live thread's CPU time and role at the reading; threads in {@link #ENDING} are left out. */
    private final Map<Long, Long> threadNanos;
    private final Map<Long, Role> roles;
    /** {@link #ENDED} and {@link #ENDING} as they were at the reading. */
    private final Map<Role, Long> endedNanos;
    private final Set<Long> endedThreads;
    private final long processNanos;

    private OwnThreadCpu(Map<Long, Long> threadNanos, Map<Long, Role> roles, Map<Role, Long> endedNanos,
                         Set<Long> endedThreads, long processNanos) {
        this.threadNanos = threadNanos;
        this.roles = roles;
        this.endedNanos = endedNanos;
        this.endedThreads = endedThreads;
        this.processNanos = processNanos;
    }

    /**
     * {@code task}, adding its thread's CPU time to its role's when it ends: the bench's producers, consumers and
     * forwarders end with their run, before the reading that closes it.
     */
    static Runnable counted(Runnable task) {
        return () -> {
            try {
                task.run();
            } finally {
                ThreadMXBean bean = ManagementFactory.getThreadMXBean();
                long cpu = bean.isThreadCpuTimeEnabled() ? bean.getCurrentThreadCpuTime() : -1;
                if (cpu >= 0) {
                    ENDING.add(Thread.currentThread().getId());
                    ENDED.get(Role.of(Thread.currentThread().getName())).add(cpu);
                }
            }
        };
    }

    /** This JVM's threads now; empty where the JVM does not measure thread CPU time. */
    static OwnThreadCpu read() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Map<Long, Long> threadNanos = new HashMap<>();
        Map<Long, Role> roles = new HashMap<>();
        Map<Role, Long> endedNanos = new EnumMap<>(Role.class);
        Set<Long> endedThreads = Set.copyOf(ENDING);
        if (bean.isThreadCpuTimeSupported() && bean.isThreadCpuTimeEnabled()) {
            ENDED.forEach((role, ended) -> endedNanos.put(role, ended.sum()));
            for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
                long cpu = info != null && !endedThreads.contains(info.getThreadId())
                        ? bean.getThreadCpuTime(info.getThreadId()) : -1;
                if (cpu >= 0) {
                    threadNanos.put(info.getThreadId(), cpu);
                    roles.put(info.getThreadId(), Role.of(info.getThreadName()));
                }
            }
        }
        long process = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos();
        return new OwnThreadCpu(threadNanos, roles, endedNanos, endedThreads, process);
    }

    /**
     * e.g. "load generator 0.41, baseline broker and forwarders 0.02, other threads 0.01, the JVM's own (collector,
     * compiler) 0.05 ms CPU per notice": what each role used since {@code before}, over {@code notices}. A live
     * thread counts its growth (all of it if it started since); a counted thread that ended since counts its total
     * less what {@code before} saw of it. A pooled thread that ended without being counted (Artemis lets idle ones
     * go) is missing from both, so its last minutes fall to the JVM's own: a small error, never a negative one.
     */
    String describeSince(OwnThreadCpu before, int notices) {
        if (endedNanos.isEmpty() || notices <= 0) {
            return "bench JVM: thread CPU time not measured here";
        }
        Map<Role, Long> used = new EnumMap<>(Role.class);
        endedNanos.forEach((role, ended) -> used.put(role, ended - before.endedNanos.getOrDefault(role, 0L)));
        threadNanos.forEach((tid, cpu) -> used.merge(roles.get(tid), cpu - before.threadNanos.getOrDefault(tid, 0L),
                Long::sum));
        before.threadNanos.forEach((tid, cpu) -> {
            if (endedThreads.contains(tid) && !before.endedThreads.contains(tid)) {
                used.merge(before.roles.get(tid), -cpu, Long::sum);
            }
        });
        StringBuilder line = new StringBuilder("bench JVM: ");
        long threads = 0;
        for (Role role : Role.values()) {
            long nanos = used.get(role);
            threads += nanos;
            line.append(String.format(Locale.ROOT, "%s %.2f, ", role.label, nanos / 1e6 / notices));
        }
        long jvmOwn = Math.max(0, processNanos - before.processNanos - threads);
        return line.append(String.format(Locale.ROOT, "the JVM's own (collector, compiler) %.2f ms CPU per notice",
                jvmOwn / 1e6 / notices)).toString();
    }
}
