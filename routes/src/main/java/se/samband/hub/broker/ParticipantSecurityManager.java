package se.samband.hub.broker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.apache.activemq.artemis.utils.CertificateUtil;
import org.apache.activemq.artemis.utils.CompositeAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.hub.system.Endpoints;
import se.samband.hub.trust.ParticipantAuthenticator;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.SambandException;

/**
 * Broker login and permissions, decided in code rather than by role tables so that they follow the federation:
 * <ul>
 *   <li>a TLS connection logs in with its client certificate only ({@link ParticipantAuthenticator}); user name and
 *       password are ignored there. The validated user is the participant id, which {@link ValidatedUserStamp}
 *       writes on every message it sends ({@code _AMQ_VALIDATED_USER}): the intake takes the authenticated sender
 *       from it;</li>
 *   <li>the hub's own in-VM connections are the hub;</li>
 *   <li>on the plain acceptor, only the hub-internal user with its generated password is the hub.</li>
 * </ul>
 * A participant may send to {@code samband.hub.inbox} and consume or browse {@code samband.agency.<its id>.inbox};
 * nothing else: no other queue, no creating or deleting queues or addresses, no management. The hub may do anything.
 */
final class ParticipantSecurityManager implements ActiveMQSecurityManager5 {
    static final String HUB_ROLE = "hub";
    static final String PARTICIPANT_ROLE = "participant";

    private static final Logger log = LoggerFactory.getLogger(ParticipantSecurityManager.class);
    private static final Set<CheckType> READ = EnumSet.of(CheckType.CONSUME, CheckType.BROWSE);
    private static final int MAX_LOGGED_ADDRESS = 200;
    /**
     * The hub's subject, made once: without an authentication cache Artemis authenticates again for every send it
     * checks, and the hub's in-VM sessions send four or more messages per notice. A read-only subject can be shared.
     */
    private static final Subject HUB = subject(ParticipantId.HUB.value(), HUB_ROLE);

    private final ParticipantAuthenticator authenticator;
    private final String internalUser;
    private final byte[] internalPassword;

    ParticipantSecurityManager(ParticipantAuthenticator authenticator, String internalUser, String internalPassword) {
        this.authenticator = authenticator;
        this.internalUser = internalUser;
        this.internalPassword = internalPassword.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (isInVm(connection)) {
            return HUB;
        }
        X509Certificate[] chain = connection == null ? null : CertificateUtil.getCertsFromConnection(connection);
        if (chain != null) {
            try {
                ParticipantId participant = authenticator.authenticate(chain);
                return subject(participant.value(), PARTICIPANT_ROLE);
            } catch (SambandException e) {
                log.warn("Broker login refused from {}: {} ({})", remoteAddress(connection), e.code().code(),
                        e.getMessage());
                return null;
            }
        }
        if (internalUser.equals(user) && password != null
                && MessageDigest.isEqual(internalPassword, password.getBytes(StandardCharsets.UTF_8))) {
            return HUB;
        }
        log.warn("Broker login refused from {}: no client certificate and not the hub-internal user",
                remoteAddress(connection));
        return null;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        if (subject == null) {
            return false;
        }
        if (hasRole(subject, HUB_ROLE)) {
            return true;
        }
        String user = userOf(subject);
        if (user == null || !hasRole(subject, PARTICIPANT_ROLE) || !ParticipantId.isValid(user)) {
            return false;
        }
        // Consumers are checked on "address::queue" when they name the queue fully; both parts must be the inbox.
        String bareAddress = CompositeAddress.extractAddressName(address);
        String queue = CompositeAddress.isFullyQualified(address) ? CompositeAddress.extractQueueName(address)
                : bareAddress;
        boolean granted;
        if (checkType == CheckType.SEND) {
            granted = Endpoints.HUB_INBOX.equals(bareAddress);
        } else if (READ.contains(checkType)) {
            String own = Endpoints.agencyInbox(ParticipantId.of(user));
            granted = own.equals(bareAddress) && own.equals(queue);
        } else {
            granted = false;
        }
        if (!granted) {
            log.warn("Broker refused {} on {} to participant {}", checkType, loggable(address), user);
        }
        return granted;
    }

    /** Only the ActiveMQSecurityManager5 methods are used once security is on; these older entry points refuse. */
    @Override
    public boolean validateUser(String user, String password) {
        return false;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false;
    }

    /** The hub's own connections are in-VM: nothing outside its JVM can open one. */
    static boolean isInVm(RemotingConnection connection) {
        return connection != null && connection.getTransportConnection() instanceof InVMConnection;
    }

    private static Subject subject(String user, String role) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrincipals().add(new RolePrincipal(role));
        subject.setReadOnly();
        return subject;
    }

    // Both are asked for every send and consume the broker checks: plain loops over the subject's two principals,
    // where getPrincipals(Class) would copy them into a new set each time.
    private static boolean hasRole(Subject subject, String role) {
        for (Principal principal : subject.getPrincipals()) {
            if (principal instanceof RolePrincipal && role.equals(principal.getName())) {
                return true;
            }
        }
        return false;
    }

    private static String userOf(Subject subject) {
        for (Principal principal : subject.getPrincipals()) {
            if (principal instanceof UserPrincipal) {
                return principal.getName();
            }
        }
        return null;
    }

    /** Address names come from clients: no line breaks or control characters into the log, and a bounded length. */
    static String loggable(String address) {
        if (address == null) {
            return "null";
        }
        String cut = address.length() > MAX_LOGGED_ADDRESS ? address.substring(0, MAX_LOGGED_ADDRESS) + "..." : address;
        return cut.replaceAll("\\p{Cntrl}", "_");
    }

    private static String remoteAddress(RemotingConnection connection) {
        return connection == null ? "?" : connection.getRemoteAddress();
    }
}
