package se.samband.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the flow tests that act as agencies against the running hub (same shared context as
 * {@link HubSpringTest}): they call the mTLS API on {@link #port}, seal and open notices with the dev PKI's keys
 * ({@link #notices}) and check what the hub wrote ({@link #jdbc}, {@link #held()}).
 */
public abstract class AgencyFlowTest extends HubSpringTest {
    protected static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;

    protected final HubNotices notices = new HubNotices(PKI_DIR);

    /** The held store's state of notices. */
    protected HeldStates held() {
        return new HeldStates(jdbc);
    }
}
