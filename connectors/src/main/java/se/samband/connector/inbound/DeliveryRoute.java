package se.samband.connector.inbound;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.connector.config.ConnectorProperties;

/**
 * Pushes received notices to the case system (webhook or folder) until it has each one; a failed push is retried
 * with doubling back-off. Nothing is dropped: a notice stays in the inbox (and the pull API) whatever happens.
 */
public class DeliveryRoute extends RouteBuilder {
    public static final String ROUTE_ID = "connector-delivery";
    private static final Logger log = LoggerFactory.getLogger(DeliveryRoute.class);

    private final InboxStore inbox;
    private final InboxItems items;
    private final CaseSystemDelivery delivery;
    private final ConnectorProperties.Delivery settings;

    public DeliveryRoute(InboxStore inbox, InboxItems items, CaseSystemDelivery delivery,
                         ConnectorProperties.Delivery settings) {
        this.inbox = inbox;
        this.items = items;
        this.delivery = delivery;
        this.settings = settings;
    }

    @Override
    public void configure() {
        long period = settings.pollInterval().toMillis();
        from("timer:samband-delivery?delay=" + period + "&period=" + period).routeId(ROUTE_ID)
                .process(exchange -> deliverDue());
    }

    void deliverDue() {
        for (InboxStore.Row row : inbox.undelivered(20)) {
            try {
                delivery.deliver(row.noticeId().toString(), items.item(row));
                inbox.delivered(row.noticeId());
                log.info("notice {} delivered to the case system ({})", row.noticeId(), settings.mode());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                Duration delay = settings.firstRetry().multipliedBy(1L << Math.min(row.deliveryAttempts(), 16));
                if (delay.compareTo(settings.maxRetry()) > 0) {
                    delay = settings.maxRetry();
                }
                inbox.deliveryFailed(row.noticeId(), delay);
                log.warn("notice {} not delivered to the case system ({}), retry in {}", row.noticeId(),
                        e.getClass().getSimpleName(), delay);
            }
        }
    }
}
