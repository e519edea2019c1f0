package se.samband.hub;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * For tests that look at {@code samband.hub.held} themselves: the hub's held store consumes that queue, so it is
 * paused around each test (same shared context as {@link HubSpringTest}).
 */
public abstract class HeldStorePausedTest extends HubSpringTest {
    @Autowired
    @Qualifier("heldQueueListener")
    DefaultMessageListenerContainer heldQueueListener;

    @BeforeEach
    void pauseHeldStore() {
        heldQueueListener.stop();
    }

    @AfterEach
    void resumeHeldStore() {
        heldQueueListener.start();
    }
}
