package se.samband.hub.watch;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samband.hub.directory.Directory;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.handover.HandoverStore;
import se.samband.hub.receipt.HubReceipts;
import se.samband.hub.trust.FederationTrust;
import se.samband.notice.NoticeJson;

/** Wires the respond-by watch on the hub's handover store, federation, key and clock. */
@Configuration(proxyBeanMethods = false)
class WatchConfiguration {

    @Bean
    WatchRoute watchRoute(Directory directory, FederationTrust trust, HandoverStore handovers,
                          DispatchWriter dispatchWriter, Clock clock, WatchProperties properties) {
        // The hub's own notices are small and bounded by the default limits, as its receipts are.
        HubReceipts receipts = new HubReceipts(trust, NoticeJson.strict(), clock);
        return new WatchRoute(new RespondByWatch(handovers, directory::federation, receipts, clock, properties),
                dispatchWriter);
    }
}
