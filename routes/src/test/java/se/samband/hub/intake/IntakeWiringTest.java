package se.samband.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.jms.JmsConfiguration;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samband.hub.HubSpringTest;
import se.samband.hub.system.Endpoints;
import se.samband.hub.system.ErrorRoutes;
import se.samband.hub.system.RouteIds;

/** The hub's own Camel context: the inbox route as PERFORMANCE-NOTES demands, under the standard error policy. */
class IntakeWiringTest extends HubSpringTest {

    @Autowired
    CamelContext camel;
    @Autowired
    jakarta.jms.ConnectionFactory connectionFactory;

    @Test
    void inboxRouteConsumesTheHubInboxInALocalTransactionWithCachedConsumers() {
        Route route = camel.getRoute(RouteIds.INTAKE_INBOX);
        assertThat(route).isNotNull();
        JmsConfiguration configuration = ((JmsEndpoint) route.getEndpoint()).getConfiguration();

        assertThat(((JmsEndpoint) route.getEndpoint()).getDestinationName()).isEqualTo(Endpoints.HUB_INBOX);
        assertThat(configuration.isTransacted()).isTrue();
        assertThat(configuration.isLazyCreateTransactionManager()).isFalse();
        assertThat(configuration.getTransactionManager()).isNull();
        assertThat(configuration.getCacheLevelName()).isEqualTo("CACHE_CONSUMER");
        assertThat(configuration.getConcurrentConsumers()).isEqualTo(4);
        assertThat(configuration.getMaxConcurrentConsumers()).isEqualTo(4);
        assertThat(configuration.getConnectionFactory()).as("the hub's connection factory")
                .isSameAs(connectionFactory);
        assertThat(configuration.getMessageListenerContainerFactory()).as("batching, with the after-commit hook")
                .isInstanceOf(InboxListenerContainers.class);
        assertThat(route.getConfigurationId()).isEqualTo(ErrorRoutes.STANDARD);
        assertThat(camel.getRoute(RouteIds.INTAKE_REFUSED)).isNotNull();
        assertThat(((ModelCamelContext) camel).getRouteConfigurationDefinitions())
                .extracting(RouteConfigurationDefinition::getId).contains(ErrorRoutes.STANDARD);
    }
}
