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
 * <p>Counted from the JVM's notifications, one per collection, by one listener per JVM ({@link #ofThisJvm()}); a
 * run reads the pauses after its {@link #mark()}. ZGC and Shenandoah report their concurrent cycles on a bean of
 * their own, named "... Cycles": those do not stop the threads and are left out. G1's "G1 Concurrent GC" bean
 * (JDK 20 and later) reports the remark and cleanup pauses, which do, so it counts.
 */
final class OwnGcPauses {
    private static final class Holder {
        static final OwnGcPauses THIS_JVM = listening(new OwnGcPauses());
    }

    private final List<Long> pauseMicros = new ArrayList<>();

    /** Without a listener: pauses only arrive through {@link #add(long)} (tests). */
    OwnGcPauses() {
    }

    /** This JVM's pauses since the first call; one listener however many benches run in the JVM. */
    static OwnGcPauses ofThisJvm() {
        return Holder.THIS_JVM;
    }

    private static OwnGcPauses listening(OwnGcPauses pauses) {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (isPauseCollector(bean.getName()) && bean instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> pauses.record(notification), null, null);
            }
        }
        return pauses;
    }

    static boolean isPauseCollector(String beanName) {
        return !beanName.contains("Cycles");
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
