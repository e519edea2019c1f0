package se.samband.hub.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.samband.hub.directory.Directory;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.intake.PipelineProperties;
import se.samband.hub.system.BackgroundThreads;
import se.samband.hub.system.Endpoints;
import se.samband.hub.trust.FederationTrust;
import se.samband.hub.web.AuthenticatedParticipant;
import se.samband.notice.NoticeJson;
import se.samband.notice.ParticipantId;

/** Wires the operator console's services over the hub's Camel context, embedded broker and database. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {
    /** How often the last contacts noted in memory are written to the database. */
    private static final long CONTACT_FLUSH_SECONDS = 15;

    @Bean
    RouteCounters consoleRouteCounters(CamelContext camel) throws Exception {
        RouteCounters counters = new RouteCounters();
        camel.getManagementStrategy().addEventNotifier(counters);
        counters.start();
        return counters;
    }

    @Bean
    OperatorAudit operatorAudit(DispatchWriter writer, ConnectionFactory connectionFactory, Clock clock) {
        return new OperatorAudit(writer, connectionFactory, clock);
    }

    @Bean
    RouteOperations routeOperations(CamelContext camel, RouteCounters consoleRouteCounters, OperatorAudit audit) {
        return new RouteOperations(camel, consoleRouteCounters, audit);
    }

    @Bean
    BrokerQueues brokerQueues(EmbeddedActiveMQ hubBroker, Directory directory, Clock clock) {
        return new BrokerQueues(hubBroker.getActiveMQServer(), directory::federation, clock);
    }

    @Bean
    ParkedMessages parkedMessages(EmbeddedActiveMQ hubBroker, OperatorAudit audit, Directory directory,
                                  PipelineProperties limits) {
        return new ParkedMessages(hubBroker.getActiveMQServer(), NoticeJson.strict(limits.noticeLimits()), audit,
                address -> Endpoints.HUB_QUEUES.contains(address) || directory.federation().participants().stream()
                        .anyMatch(p -> Endpoints.agencyInbox(p.id()).equals(address)));
    }

    @Bean
    Backlog backlog(JdbcTemplate jdbc) {
        return new Backlog(jdbc);
    }

    @Bean
    ParticipantContacts participantContacts(JdbcTemplate jdbc, Clock clock, EmbeddedActiveMQ hubBroker) {
        ParticipantContacts contacts = new ParticipantContacts(jdbc, clock);
        hubBroker.getActiveMQServer().registerBrokerPlugin(new ContactPlugin(contacts));
        return contacts;
    }

    @Bean
    ContactFlusher contactFlusher(ParticipantContacts participantContacts) {
        return new ContactFlusher(participantContacts);
    }

    @Bean
    ParticipantOverview participantOverview(Directory directory, FederationTrust trust,
                                            ParticipantContacts participantContacts, Clock clock) {
        return new ParticipantOverview(directory::federation, trust::certificateOf, participantContacts, clock);
    }

    /** Notes an API request's participant (authenticated by its certificate before the handler runs). */
    @Bean
    WebMvcConfigurer participantContactInterceptor(ParticipantContacts participantContacts) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
                                             Object handler) {
                        if (request.getAttribute(AuthenticatedParticipant.REQUEST_ATTRIBUTE)
                                instanceof ParticipantId participant) {
                            participantContacts.seen(participant.value());
                        }
                        return true;
                    }
                }).addPathPatterns("/api/**");
            }
        };
    }

    /** The role check of the console's pages, and each area's index page. */
    @Bean
    WebMvcConfigurer consolePageAccess(ObjectMapper json) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ConsolePageAccess(json)).addPathPatterns(ConsolePageAccess.PATHS);
            }

            @Override
            public void addViewControllers(ViewControllerRegistry registry) {
                registry.addViewController("/console/operator/").setViewName("forward:/console/operator/index.html");
                registry.addViewController("/console/security/").setViewName("forward:/console/security/index.html");
            }
        };
    }

    /** Writes the last contacts every {@value #CONTACT_FLUSH_SECONDS} s, and once more at shutdown. */
    static final class ContactFlusher implements DisposableBean {
        private final ParticipantContacts contacts;
        private final ScheduledExecutorService flusher;

        ContactFlusher(ParticipantContacts contacts) {
            this.contacts = contacts;
            this.flusher = BackgroundThreads.singleThreadScheduler("samband-contacts");
            flusher.scheduleWithFixedDelay(contacts::flush, CONTACT_FLUSH_SECONDS, CONTACT_FLUSH_SECONDS,
                    TimeUnit.SECONDS);
        }

        @Override
        public void destroy() throws InterruptedException {
            flusher.shutdown();
            flusher.awaitTermination(5, TimeUnit.SECONDS);
            contacts.flush();
        }
    }
}
