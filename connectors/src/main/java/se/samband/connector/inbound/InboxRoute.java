package se.samband.connector.inbound;

import org.apache.camel.builder.RouteBuilder;
import se.samband.connector.config.HubAddresses;
import se.samband.notice.ParticipantId;

/**
 * Consumes the participant's own queue on the hub, one local JMS transaction per message: the message is
 * acknowledged only after {@link InboundNotices} has committed what it means to the connector's database. No
 * transaction manager: the listener keeps its session and consumer, as the hub's intake does.
 */
public class InboxRoute extends RouteBuilder {
    public static final String ROUTE_ID = "connector-inbox";
    private final ParticipantId self;
    private final InboundNotices inbound;

    public InboxRoute(ParticipantId self, InboundNotices inbound) {
        this.self = self;
        this.inbound = inbound;
    }

    @Override
    public void configure() {
        from("hub:queue:" + HubAddresses.agencyInbox(self)
                + "?transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER")
                .routeId(ROUTE_ID)
                .process(exchange -> inbound.accept(exchange.getMessage().getMandatoryBody(byte[].class)));
    }
}
