package se.samband.hub.intake;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.trust.FederationTrust;

/**
 * Wires the intake: the camel-jms component on the hub's connection factory, the dispatch writer and the
 * inbox route. The component is built here rather than by camel-jms-starter (not published for 4.18.0); the
 * transaction options live on the endpoint URI ({@code Endpoints.INTAKE_INBOX}).
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {
    private static final Logger log = LoggerFactory.getLogger(IntakeConfiguration.class);

    @Bean
    JmsComponent jms(ConnectionFactory connectionFactory) {
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connectionFactory);
        return jms;
    }

    @Bean
    DispatchWriter dispatchWriter() {
        return new DispatchWriter();
    }

    @Bean
    RouteBuilder intakeRoute(ObjectProvider<NoticePipeline> pipeline, ObjectProvider<FederationTrust> trust,
                             DispatchWriter dispatchWriter, PipelineProperties limits, Clock clock) {
        NoticePipeline available = trust.getIfAvailable() == null ? null : pipeline.getIfAvailable();
        if (available == null) {
            // Until the pipeline's beans are wired the hub must still start (directory, broker, audit): it then
            // leaves the inbox unconsumed, so nothing is lost, and says so.
            log.warn("no NoticePipeline or FederationTrust: the intake route is not started and the inbox is not consumed");
            return new RouteBuilder() {
                @Override
                public void configure() {
                }
            };
        }
        return new IntakeRoute(available, dispatchWriter, limits.maxContainerBytes(), clock);
    }
}
