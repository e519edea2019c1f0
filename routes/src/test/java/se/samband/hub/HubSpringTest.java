package se.samband.hub;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samband.hub.web.PeoplePort;
import se.samband.notice.ParticipantId;

/**
 * Base of every test that needs the running hub. All subclasses share ONE Spring context (same
 * properties, same dynamic property source): starting the hub costs seconds on two cores, so do not add
 * per-class properties or {@code @MockBean}s here or in subclasses without a good reason.
 * The hub runs on its own data directory under {@code target/} (its dev PKI in {@code <data-dir>/pki}), free broker
 * ports (plain and TLS) and random HTTPS and management ports ({@code @LocalServerPort}, {@code @LocalManagementPort}).
 * People log in on the people port ({@link #peoplePort}) as {@link #operator()} or {@link #securityOfficer()}.
 * Participant {@link #REVOCATION_VICTIM} is revoked for a moment by a test: other tests must not use it.
 */
// Spring Boot tests switch metrics export off unless asked: the hub's /actuator/prometheus is part of what is tested.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = HubApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            // Quick redelivery so that tests can drive a message to the dead-letter queue in milliseconds.
            "samband.broker.redelivery-delay=10ms",
            "samband.broker.max-delivery-attempts=3",
            // Tests write handovers due at once (and some read the escalations' queues): the watch stays off
            // except where WatchFlowTest and ConsoleBrowserIT start it, and then looks every second.
            "samband.watch.auto-startup=false",
            "samband.watch.poll-interval=1s",
            // The people port on a free port (PeoplePort tells which) and two accounts with known passwords.
            "samband.people.port=0",
            "samband.people.accounts[0].username=" + PeopleClient.OPERATOR,
            "samband.people.accounts[0].password=" + PeopleClient.OPERATOR_PASSWORD,
            "samband.people.accounts[0].roles=OPERATOR",
            "samband.people.accounts[1].username=" + PeopleClient.SECURITY_OFFICER,
            "samband.people.accounts[1].password=" + PeopleClient.SECURITY_OFFICER_PASSWORD,
            "samband.people.accounts[1].roles=SECURITY_OFFICER"
        })
public abstract class HubSpringTest {
    protected static final Path DATA_DIR = TestSupport.newDataDir("hub-context");
    protected static final int BROKER_PORT = TestSupport.freePort();
    protected static final int BROKER_TLS_PORT = TestSupport.freePort();
    protected static final Path PKI_DIR = DATA_DIR.resolve("pki");
    protected static final ParticipantId REVOCATION_VICTIM = ParticipantId.of("socialtjanst.hylte");

    @Autowired
    protected PeoplePort peoplePort;

    /** A client of the people port logged in as the operator (role OPERATOR). */
    protected PeopleClient operator() {
        return new PeopleClient(peoplePort.port(), PKI_DIR, PeopleClient.OPERATOR, PeopleClient.OPERATOR_PASSWORD);
    }

    /** A client of the people port logged in as the security officer (role SECURITY_OFFICER). */
    protected PeopleClient securityOfficer() {
        return new PeopleClient(peoplePort.port(), PKI_DIR, PeopleClient.SECURITY_OFFICER,
                PeopleClient.SECURITY_OFFICER_PASSWORD);
    }

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("samband.data-dir", DATA_DIR::toString);
        registry.add("samband.broker.port", () -> BROKER_PORT);
        registry.add("samband.broker.tls-port", () -> BROKER_TLS_PORT);
    }
}
