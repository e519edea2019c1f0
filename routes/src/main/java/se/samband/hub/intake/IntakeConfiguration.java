package se.samband.hub.intake;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samband.hub.dispatch.DispatchWriter;

/**
 * Wires the intake: the camel-jms component on the hub's connection factory, the dispatch writer and the
 * inbox route. The component is built here rather than by camel-jms-starter (not published for 4.18.0); the
 * transaction options live on the endpoint URI ({@code Endpoints.INTAKE_INBOX}).
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {
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
    InboxListenerContainers inboxListenerContainers(IntakeProperties intake) {
        return new InboxListenerContainers(intake.maxNoticesPerTransaction());
    }

    @Bean
    IntakeRoute intakeRoute(NoticePipeline pipeline, DispatchWriter dispatchWriter, PipelineProperties limits,
                            Clock clock, InboxListenerContainers containers) {
        return new IntakeRoute(pipeline, dispatchWriter, limits.maxContainerBytes(), clock, containers);
    }
}
