package se.samband.hub.system;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The hub's background workers (sweeps, follow-ups, reloads): one named daemon thread each. */
public final class BackgroundThreads {
    private BackgroundThreads() {
    }

    /**
     * A scheduler on one daemon thread named {@code name}: daemon, so that a worker never keeps a stopping JVM alive;
     * the owner still shuts it down with its Spring context.
     */
    public static ScheduledExecutorService singleThreadScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
