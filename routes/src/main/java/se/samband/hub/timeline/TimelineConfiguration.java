package se.samband.hub.timeline;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samband.hub.dispatch.DispatchWriter;

/** The case timeline over the hub's database, and the audit of security officers' views. */
@Configuration(proxyBeanMethods = false)
class TimelineConfiguration {
    @Bean
    CaseTimeline caseTimeline(JdbcTemplate jdbc) {
        return new CaseTimeline(jdbc);
    }

    @Bean
    TimelineViews timelineViews(ConnectionFactory connectionFactory, DispatchWriter dispatchWriter, Clock clock) {
        return new TimelineViews(connectionFactory, dispatchWriter, clock);
    }
}
