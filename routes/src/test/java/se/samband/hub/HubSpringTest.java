package se.samband.hub;

import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test that needs the running hub. All subclasses share ONE Spring context (same
 * properties, same dynamic property source): starting the hub costs seconds on two cores, so do not add
 * per-class properties or {@code @MockBean}s here or in subclasses without a good reason.
 * The hub runs on its own data directory under {@code target/}, a free broker port and a random web port.
 */
@SpringBootTest(classes = HubApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            // Quick redelivery so that tests can drive a message to the dead-letter queue in milliseconds.
            "samband.broker.redelivery-delay=10ms",
            "samband.broker.max-delivery-attempts=3"
        })
public abstract class HubSpringTest {
    protected static final Path DATA_DIR = TestSupport.newDataDir("hub-context");
    protected static final int BROKER_PORT = TestSupport.freePort();

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("samband.data-dir", DATA_DIR::toString);
        registry.add("samband.broker.port", () -> BROKER_PORT);
    }
}
