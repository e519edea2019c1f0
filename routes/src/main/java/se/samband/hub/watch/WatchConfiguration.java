package se.samband.hub.watch;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samband.hub.directory.Directory;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.handover.DueHandovers;
import se.samband.hub.receipt.HubReceipts;
import se.samband.hub.trust.FederationTrust;
import se.samband.notice.NoticeJson;

/** Wires the respond-by watch on the handover table, the federation, the hub's key and the broker. */
@Configuration(proxyBeanMethods = false)
class WatchConfiguration {

    @Bean
    WatchRoute watchRoute(Directory directory, FederationTrust trust, DataSource dataSource,
                          DispatchWriter dispatchWriter, ConnectionFactory connectionFactory, Clock clock,
                          WatchProperties properties) {
        // The hub's own notices are small and bounded by the default limits, as its receipts are.
        HubReceipts receipts = new HubReceipts(trust, NoticeJson.strict(), clock);
        RespondByWatch watch = new RespondByWatch(directory::federation, receipts);
        return new WatchRoute(new WatchSweep(new DueHandovers(dataSource), watch, dispatchWriter, connectionFactory,
                clock, properties), properties.pollInterval());
    }
}
