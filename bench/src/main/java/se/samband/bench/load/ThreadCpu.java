package se.samband.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The CPU time of a process's threads by what they do, read from Linux's {@code /proc/<pid>/task/<tid>/stat}: where
 * the hub's CPU per notice goes (its intake, the broker, the audit writer, the JIT compiler, the garbage collector).
 * A JFR recording's execution samples answer that question badly: they see only threads running Java code, so they
 * miss the compiler, and a saturated hub's journal compaction had a quarter to a third of the broker's samples but no
 * measurable share of its CPU (RESULTS.md, 2026-12-06). Thread names come from the JVM, cut by Linux to 15
 * characters; a thread that ended between two readings is not attributed (see {@link #describe}).
 */
final class ThreadCpu {
    /** Linux reports thread times in clock ticks of 1/100 s (USER_HZ, the same on every architecture Java runs on). */
    private static final long NANOS_PER_TICK = 10_000_000L;
    /** ZGC's threads: "ZWorker#0", "ZDriver", "ZDirector", "ZStat", ... */
    private static final Pattern ZGC_THREAD = Pattern.compile("Z[A-Z][a-z]");

    /** What a thread does, by its name. */
    enum Group {
        INTAKE("intake"), BROKER("broker"), AUDIT_WRITER("audit writer"), JIT("JIT compiler"), GC("GC"),
        OTHER("other");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        /** Groups a thread name as Linux shows it (the JVM's name, cut to 15 characters). */
        static Group of(String name) {
            if (name.startsWith("Camel (")) {
                // The Camel routes' JMS consumers; under load the intake's ("JmsConsumer[samband.hub.inbox]").
                return INTAKE;
            }
            if (name.startsWith("samband-audit")) {
                return AUDIT_WRITER;
            }
            if (name.contains("(acti") || name.startsWith("activemq")) {
                // Artemis' executor, I/O, remoting and journal threads: "Thread-3 (activemq-samband-hub)".
                return BROKER;
            }
            if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                return JIT;
            }
            // G1's workers and concurrent threads, Shenandoah's ("Shenandoah Cont", "Shenandoah GC T") and ZGC's
            // ("ZWorker#0", "ZDriver", ...), as Linux shows them.
            if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")
                    || name.startsWith("Shenandoah") || ZGC_THREAD.matcher(name).lookingAt()) {
                return GC;
            }
            return OTHER;
        }
    }

    private final Map<Long, Task> threads;

    /** One thread (a task, in Linux's words): its name and its user + system time in ticks. */
    private record Task(String name, long ticks) {
    }

    private ThreadCpu(Map<Long, Task> threads) {
        this.threads = threads;
    }

    /** The threads of process {@code pid} now; empty where there is no {@code /proc} (not Linux) or it has ended. */
    static ThreadCpu read(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "task"));
    }

    static ThreadCpu read(Path taskDir) {
        Map<Long, Task> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(taskDir)) {
            for (Path task : tasks.toList()) {
                try {
                    Task thread = parse(Files.readString(task.resolve("stat")));
                    if (thread != null) {
                        threads.put(Long.parseLong(task.getFileName().toString()), thread);
                    }
                } catch (IOException | NumberFormatException e) {
                    // The thread ended while we read the directory.
                }
            }
        } catch (IOException e) {
            return new ThreadCpu(Map.of());
        }
        return new ThreadCpu(threads);
    }

    /**
     * One line of {@code /proc/<pid>/task/<tid>/stat}: "tid (name) state ppid ..." with user and system time as
     * fields 14 and 15. The name may hold spaces and parentheses, so the fields are counted from the last ')'.
     */
    private static Task parse(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return null;
        }
        String[] fields = stat.substring(close + 2).trim().split(" ");
        // fields[0] is field 3 (state), so field 14 (utime) is fields[11] and field 15 (stime) fields[12].
        if (fields.length < 13) {
            return null;
        }
        return new Task(stat.substring(open + 1, close), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    }

    /**
     * CPU nanoseconds per group between {@code before} and this reading: a thread's growth, or all of a thread that
     * started since. Threads that ended in between are missing here (their time is in the process's total).
     */
    Map<Group, Long> since(ThreadCpu before) {
        Map<Group, Long> nanos = new EnumMap<>(Group.class);
        for (Group group : Group.values()) {
            nanos.put(group, 0L);
        }
        threads.forEach((tid, thread) -> {
            Task earlier = before.threads.get(tid);
            long ticks = earlier != null && earlier.name().equals(thread.name())
                    ? thread.ticks() - earlier.ticks() : thread.ticks();
            nanos.merge(Group.of(thread.name()), ticks * NANOS_PER_TICK, Long::sum);
        });
        return nanos;
    }

    /**
     * e.g. "intake 1.02, broker 1.10, audit writer 0.51, JIT compiler 0.30, GC 0.12, other 0.05, ended threads 0.02 ms
     * per notice": {@code totalNanos} is the process's CPU time over the same interval, so what the groups miss is the
     * share of threads that ended.
     */
    static String describe(Map<Group, Long> nanos, long totalNanos, int notices) {
        StringBuilder line = new StringBuilder();
        long attributed = 0;
        for (Map.Entry<Group, Long> group : nanos.entrySet()) {
            attributed += group.getValue();
            line.append(line.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f",
                    group.getKey().label, group.getValue() / 1e6 / notices));
        }
        line.append(String.format(Locale.ROOT, ", ended threads %.2f ms per notice",
                Math.max(0, totalNanos - attributed) / 1e6 / notices));
        return line.toString();
    }

    /** The share of {@code totalNanos} (a process's CPU time over the same interval) that {@code group} used. */
    static double share(Map<Group, Long> nanos, Group group, long totalNanos) {
        return totalNanos <= 0 ? 0 : Math.min(1.0, nanos.getOrDefault(group, 0L) / (double) totalNanos);
    }

    boolean isEmpty() {
        return threads.isEmpty();
    }
}
