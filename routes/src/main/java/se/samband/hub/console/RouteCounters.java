package se.samband.hub.console;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Counts completed and failed exchanges per route, by the route that created the exchange. An event notifier rather
 * than Camel's JMX statistics: the hub runs without JMX (the broker's platform MBeans are off too, see
 * ArtemisConfigurationFactory), and two counters per route are all the console needs. Counts start at zero with
 * each hub start.
 */
final class RouteCounters extends EventNotifierSupport {
    private final Map<String, Counts> byRoute = new ConcurrentHashMap<>();

    RouteCounters() {
        // Only the two exchange events are wanted: skip creating the others on every exchange.
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeCompletedEvent || event instanceof ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof CamelEvent.ExchangeEvent exchangeEvent)) {
            return;
        }
        String routeId = exchangeEvent.getExchange().getFromRouteId();
        if (routeId == null) {
            return;
        }
        Counts counts = byRoute.computeIfAbsent(routeId, id -> new Counts());
        if (event instanceof ExchangeFailedEvent) {
            counts.failed.increment();
        } else {
            counts.completed.increment();
        }
    }

    long completed(String routeId) {
        Counts counts = byRoute.get(routeId);
        return counts == null ? 0 : counts.completed.sum();
    }

    long failed(String routeId) {
        Counts counts = byRoute.get(routeId);
        return counts == null ? 0 : counts.failed.sum();
    }

    private static final class Counts {
        final LongAdder completed = new LongAdder();
        final LongAdder failed = new LongAdder();
    }
}
