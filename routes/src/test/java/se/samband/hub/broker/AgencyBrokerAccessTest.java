package se.samband.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;
import se.samband.hub.AgencyTls;
import se.samband.hub.HubSpringTest;
import se.samband.hub.system.Endpoints;
import se.samband.hub.system.RouteIds;
import se.samband.hub.trust.PkiFederationTrust;
import se.samband.notice.ParticipantId;
import se.samband.security.pki.DevPki;

/**
 * Agencies on the TLS acceptor, with real certificates from the hub's dev PKI: a participant may send to the hub
 * inbox (stamped with its id) and read its own inbox, and nothing else; a connection without a certificate of the
 * federation, or with a revoked one, gets nowhere.
 */
class AgencyBrokerAccessTest extends HubSpringTest {
    private static final ParticipantId POLICE = ParticipantId.of("polisen.halland");
    private static final ParticipantId SOCIAL_SERVICES = ParticipantId.of("socialtjanst.laholm");
    private static final String VALIDATED_USER = "_AMQ_VALIDATED_USER";

    @Autowired
    CamelContext camel;

    /** The intake route consumes the hub inbox; these tests read what arrives there themselves. */
    @BeforeEach
    void pauseIntake() throws Exception {
        camel.getRouteController().stopRoute(RouteIds.INTAKE_INBOX);
    }

    @AfterEach
    void resumeIntake() throws Exception {
        camel.getRouteController().startRoute(RouteIds.INTAKE_INBOX);
    }

    @Autowired
    ConnectionFactory hubConnectionFactory;
    @Autowired
    PkiFederationTrust trust;

    @Test
    void coreClientSendsToTheHubInboxAsItselfAndReadsItsOwnInbox() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (ActiveMQConnectionFactory agency = coreFactory(POLICE);
             Connection connection = agency.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage notice = session.createTextMessage("sealed notice " + marker);
            notice.setStringProperty("testMarker", marker);
            // A sender cannot make itself someone else: the broker overwrites whatever the client claims.
            notice.setStringProperty(VALIDATED_USER, SOCIAL_SERVICES.value());
            notice.setStringProperty("JMSXUserID", SOCIAL_SERVICES.value());
            session.createProducer(session.createQueue(Endpoints.HUB_INBOX)).send(notice);

            Message received = hubReceive(Endpoints.HUB_INBOX, marker);
            assertThat(received).isNotNull();
            assertThat(received.getStringProperty(VALIDATED_USER)).isEqualTo(POLICE.value());
            // JMS lists it as JMSXUserID: camel-jms maps it to a header only with includeAllJMSXProperties=true.
            assertThat(received.getStringProperty("JMSXUserID")).isEqualTo(POLICE.value());

            hubSend(Endpoints.agencyInbox(POLICE), marker);
            connection.start();
            MessageConsumer own = session.createConsumer(session.createQueue(Endpoints.agencyInbox(POLICE)),
                    "testMarker = '" + marker + "'");
            Message fromHub = own.receive(10_000);
            assertThat(((TextMessage) fromHub).getText()).isEqualTo("for the agency " + marker);
            // The hub's own sends are not stamped (a stamp costs a second encoding of the message)...
            assertThat(fromHub.getStringProperty(VALIDATED_USER)).isNull();
        }
    }

    @Test
    void whatTheHubItselfSendsToItsInboxIsStampedAsTheHub() throws Exception {
        // ... except on the way to the inbox, whose intake takes the sender from the stamp.
        String marker = UUID.randomUUID().toString();
        hubSend(Endpoints.HUB_INBOX, marker);
        Message received = hubReceive(Endpoints.HUB_INBOX, marker);
        assertThat(received).isNotNull();
        assertThat(received.getStringProperty(VALIDATED_USER)).isEqualTo(ParticipantId.HUB.value());
    }

    @Test
    void coreClientMayNotReadAnotherParticipantsInboxNorSendAnywhereButTheHubInbox() throws Exception {
        try (ActiveMQConnectionFactory agency = coreFactory(POLICE);
             Connection connection = agency.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var otherInbox = session.createQueue(Endpoints.agencyInbox(SOCIAL_SERVICES));

            assertThatThrownBy(() -> session.createConsumer(otherInbox)).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createBrowser(otherInbox).getEnumeration())
                    .isInstanceOf(JMSSecurityException.class);
            for (String address : new String[] {Endpoints.agencyInbox(SOCIAL_SERVICES), Endpoints.HUB_AUDIT,
                Endpoints.agencyInbox(POLICE), "samband.agency.made-up.inbox"}) {
                assertThatThrownBy(() -> session.createProducer(session.createQueue(address))
                        .send(session.createTextMessage("forged")))
                        .as(address).isInstanceOf(JMSSecurityException.class);
            }
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(Endpoints.HUB_INBOX)))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createTopic(Endpoints.HUB_CONSENT_CHANGES)))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void amqpClientSendsToTheHubInboxAsItselfAndReadsItsOwnInbox() throws Exception {
        String marker = UUID.randomUUID().toString();
        JmsConnectionFactory agency = new JmsConnectionFactory(AgencyTls.amqpUrl(BROKER_TLS_PORT,
                AgencyTls.keyStore(PKI_DIR, SOCIAL_SERVICES), AgencyTls.trustStore(PKI_DIR)));
        try (Connection connection = agency.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage notice = session.createTextMessage("sealed notice " + marker);
            notice.setStringProperty("testMarker", marker);
            session.createProducer(session.createQueue(Endpoints.HUB_INBOX)).send(notice);

            Message received = hubReceive(Endpoints.HUB_INBOX, marker);
            assertThat(received).isNotNull();
            assertThat(received.getStringProperty(VALIDATED_USER)).isEqualTo(SOCIAL_SERVICES.value());

            hubSend(Endpoints.agencyInbox(SOCIAL_SERVICES), marker);
            connection.start();
            MessageConsumer own = session.createConsumer(session.createQueue(Endpoints.agencyInbox(SOCIAL_SERVICES)),
                    "testMarker = '" + marker + "'");
            assertThat(((TextMessage) own.receive(10_000)).getText()).isEqualTo("for the agency " + marker);

            assertThatThrownBy(() -> session.createConsumer(session.createQueue(Endpoints.agencyInbox(POLICE))))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void tlsAcceptorRefusesAConnectionWithoutAClientCertificate() {
        try (ActiveMQConnectionFactory agency = new ActiveMQConnectionFactory(
                AgencyTls.coreUrlWithoutCertificate(BROKER_TLS_PORT, AgencyTls.trustStore(PKI_DIR)))) {
            assertThatThrownBy(() -> agency.createConnection().close()).isInstanceOf(JMSException.class);
        }
    }

    @Test
    void tlsAcceptorRefusesACertificateFromAnotherCa() {
        Path foreign = AgencyTls.foreignPki();
        try (ActiveMQConnectionFactory agency = new ActiveMQConnectionFactory(
                AgencyTls.coreUrlExpectingRefusal(BROKER_TLS_PORT, AgencyTls.keyStore(foreign, POLICE),
                        AgencyTls.trustStore(PKI_DIR)))) {
            assertThatThrownBy(() -> agency.createConnection().close()).isInstanceOf(JMSException.class);
        }
    }

    @Test
    void tlsAcceptorRefusesARevokedCertificateOnceTheHubHasTakenInTheCrl() throws Exception {
        Path crl = new DevPki.Layout(PKI_DIR).crl();
        byte[] original = Files.readAllBytes(crl);
        try (ActiveMQConnectionFactory agency = coreFactory(REVOCATION_VICTIM)) {
            agency.createConnection().close();

            DevPki.revoke(PKI_DIR, REVOCATION_VICTIM, AgencyTls.PASSWORD.toCharArray(), Clock.systemUTC());
            assertThat(trust.reloadCrls()).isTrue();

            assertThatThrownBy(() -> agency.createConnection().close()).isInstanceOf(JMSSecurityException.class);
        } finally {
            Files.write(crl, original);
            trust.reloadCrls();
        }
    }

    private ActiveMQConnectionFactory coreFactory(ParticipantId participant) {
        return new ActiveMQConnectionFactory(AgencyTls.coreUrl(BROKER_TLS_PORT,
                AgencyTls.keyStore(PKI_DIR, participant), AgencyTls.trustStore(PKI_DIR)));
    }

    private Message hubReceive(String queue, String marker) {
        JmsTemplate jms = new JmsTemplate(hubConnectionFactory);
        jms.setReceiveTimeout(10_000);
        return jms.receiveSelected(queue, "testMarker = '" + marker + "'");
    }

    private void hubSend(String queue, String marker) {
        new JmsTemplate(hubConnectionFactory).send(queue, session -> {
            TextMessage message = session.createTextMessage("for the agency " + marker);
            message.setStringProperty("testMarker", marker);
            return message;
        });
    }
}
