package se.samband.connector.outbound;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.connector.config.HubAddresses;
import se.samband.connector.status.NoticeStatusStore;

/**
 * Sends the outbox to the hub inbox over the TLS acceptor. Each entry is sent as a persistent message, which the
 * broker acknowledges before the send returns; only then is the row marked SENT. A crash in between sends the entry
 * again: the message carries the notice id as Artemis duplicate id, and the hub refuses a replayed notice id, so a
 * notice is never delivered twice. A failed send (hub unreachable) leaves the row pending with back-off.
 */
public class OutboxRoute extends RouteBuilder {
    public static final String ROUTE_ID = "connector-outbox";
    private static final Logger log = LoggerFactory.getLogger(OutboxRoute.class);
    private static final String ENTRY = "sambandOutboxEntry";

    private final OutboxStore outbox;
    private final NoticeStatusStore status;
    private final long pollMillis;
    private final int batchSize;

    public OutboxRoute(OutboxStore outbox, NoticeStatusStore status, long pollMillis, int batchSize) {
        this.outbox = outbox;
        this.status = status;
        this.pollMillis = pollMillis;
        this.batchSize = batchSize;
    }

    @Override
    public void configure() {
        from("timer:samband-outbox?delay=" + pollMillis + "&period=" + pollMillis).routeId(ROUTE_ID)
                .process(e -> e.getMessage().setBody(outbox.due(batchSize)))
                .split(body()).stopOnException()
                    .process(this::prepare)
                    .doTry()
                        .to("hubsend:queue:" + HubAddresses.HUB_INBOX + "?jmsMessageType=Bytes")
                        .process(this::sent)
                    .doCatch(Exception.class)
                        .process(this::failed)
                    .end()
                .end();
    }

    private void prepare(Exchange exchange) {
        OutboxStore.Entry entry = exchange.getMessage().getBody(OutboxStore.Entry.class);
        exchange.setProperty(ENTRY, entry);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(HubAddresses.DUPLICATE_ID, entry.noticeId().toString());
        exchange.getMessage().setBody(entry.container());
    }

    private void sent(Exchange exchange) {
        OutboxStore.Entry entry = exchange.getProperty(ENTRY, OutboxStore.Entry.class);
        outbox.sent(entry.noticeId());
        if (entry.kind() == OutboxStore.Kind.NOTICE) {
            status.submitted(entry.noticeId());
        }
        log.info("outbox: {} {} sent to the hub", entry.kind(), entry.noticeId());
    }

    private void failed(Exchange exchange) {
        OutboxStore.Entry entry = exchange.getProperty(ENTRY, OutboxStore.Entry.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "unknown" : cause.getClass().getSimpleName();
        var next = outbox.failed(entry.noticeId(), entry.attempts(), reason);
        log.warn("outbox: {} {} not sent ({}), attempt {}; next at {}", entry.kind(), entry.noticeId(), reason,
                entry.attempts() + 1, next);
    }
}
