package se.samband.bench.load;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The bench JVM's own garbage-collector pauses. Its consumers stamp each copy's arrival, so a pause here lengthens
 * the latencies the bench reports as surely as one in the hub; each run's report names both, so that a tail can be
 * told apart. The baseline's broker runs in this JVM too, so for the baseline these are its broker's pauses as well.
 *
 * <p>Counted from the JVM's notifications, one per collection. Collectors that report their concurrent cycles as
 * well as their pauses (ZGC, Shenandoah, G1 on newer JDKs) have a bean whose name says "Cycles" or "Concurrent":
 * those do not stop the threads and are left out.
 */
final class OwnGcPauses {
    private final List<Long> pauseMicros = new ArrayList<>();

    private OwnGcPauses() {
    }

    /** Starts listening; pauses before this call are not counted. */
    static OwnGcPauses start() {
        OwnGcPauses pauses = new OwnGcPauses();
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (isPauseCollector(bean.getName()) && bean instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> pauses.record(notification), null, null);
            }
        }
        return pauses;
    }

    static boolean isPauseCollector(String beanName) {
        return !beanName.contains("Cycles") && !beanName.contains("Concurrent");
    }

    private void record(Notification notification) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            add(info.getGcInfo().getDuration() * 1000);
        }
    }

    synchronized void add(long micros) {
        pauseMicros.add(micros);
    }

    /** A mark to count from: the number of pauses so far. */
    synchronized int mark() {
        return pauseMicros.size();
    }

    /** e.g. "bench JVM: GC 12 pauses, 84 ms in all, the longest 29 ms" for the pauses after {@code mark}. */
    synchronized String describeSince(int mark) {
        long total = 0;
        long longest = 0;
        for (long micros : pauseMicros.subList(mark, pauseMicros.size())) {
            total += micros;
            longest = Math.max(longest, micros);
        }
        int count = pauseMicros.size() - mark;
        return String.format(Locale.ROOT, "bench JVM: GC %d pause%s, %.0f ms in all, the longest %.0f ms", count,
                count == 1 ? "" : "s", total / 1000.0, longest / 1000.0);
    }
}
