package se.samband.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.protocol.amqp.broker.AMQPStandardMessage;
import org.apache.activemq.artemis.utils.collections.TypedProperties;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Properties;
import org.apache.qpid.proton.message.impl.MessageImpl;
import org.junit.jupiter.api.Test;

/**
 * The stamp against what an AMQP client can claim, with Artemis' own AMQP message and its conversion to the core
 * message the intake reads. A {@code user-id} survives the stamp in that conversion (first test), so a message that
 * names another user is refused.
 */
class ValidatedUserStampTest {
    private static final String SENDER = "socialtjanst.laholm";
    private static final String OTHER = "polisen.halland";

    @Test
    void withoutTheRefusalAnAmqpUserIdWouldOverwriteTheStamp() {
        AMQPStandardMessage message = amqp(OTHER, null);
        message.putStringProperty(Message.HDR_VALIDATED_USER, SimpleString.of(SENDER));
        assertThat(message.toCore().getValidatedUserID()).isEqualTo(OTHER);
    }

    @Test
    void anAmqpMessageNamingAnotherUserIsRefused() {
        assertThatThrownBy(() -> stamp(amqp(OTHER, null))).isInstanceOf(ActiveMQSecurityException.class)
                .hasMessageNotContaining(OTHER);
        assertThatThrownBy(() -> stamp(amqp(null, OTHER))).isInstanceOf(ActiveMQSecurityException.class);
    }

    @Test
    void anAmqpMessageNamingItsOwnSenderOrNoOneReachesTheIntakeAsItsSender() throws Exception {
        for (AMQPStandardMessage message : new AMQPStandardMessage[] {amqp(null, null), amqp(SENDER, null),
            amqp(null, SENDER)}) {
            stamp(message);
            assertThat(message.toCore().getValidatedUserID()).isEqualTo(SENDER);
        }
    }

    private static void stamp(Message message) throws ActiveMQSecurityException {
        new ValidatedUserStamp().beforeSend(participantSession(), null, message, false, false);
    }

    /** A participant's session over TLS, as far as the stamp asks: its login, and no in-VM connection. */
    private static ServerSession participantSession() {
        return (ServerSession) Proxy.newProxyInstance(ServerSession.class.getClassLoader(),
                new Class<?>[] {ServerSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getValidatedUser" -> SENDER;
                    case "getRemotingConnection" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** An AMQP message to the inbox with {@code userId} in its properties and {@code jmsxUserId} as a property. */
    private static AMQPStandardMessage amqp(String userId, String jmsxUserId) {
        MessageImpl proton = (MessageImpl) org.apache.qpid.proton.message.Message.Factory.create();
        Properties properties = new Properties();
        if (userId != null) {
            properties.setUserId(new Binary(userId.getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, Object> application = new HashMap<>();
        application.put("testMarker", "x");
        if (jmsxUserId != null) {
            application.put(ValidatedUserStamp.JMSX_USER_ID, jmsxUserId);
        }
        proton.setProperties(properties);
        proton.setApplicationProperties(new ApplicationProperties(application));
        proton.setBody(new AmqpValue("sealed notice"));
        byte[] buffer = new byte[4096];
        int length = proton.encode(buffer, 0, buffer.length);
        AMQPStandardMessage message = new AMQPStandardMessage(0, Arrays.copyOf(buffer, length), new TypedProperties());
        message.setAddress("samband.hub.inbox");
        return message;
    }
}
