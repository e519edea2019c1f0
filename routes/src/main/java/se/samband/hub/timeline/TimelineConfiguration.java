package se.samband.hub.timeline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The case timeline over the hub's database. */
@Configuration(proxyBeanMethods = false)
class TimelineConfiguration {
    @Bean
    CaseTimeline caseTimeline(JdbcTemplate jdbc) {
        return new CaseTimeline(jdbc);
    }
}
