package se.samband.hub.consent;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;
import se.samband.hub.system.Endpoints;

/**
 * Keeps the consent caches of every hub instance in step. Whoever changes a consent or risk flag calls
 * {@link #announce} after its database transaction has committed: the local cache drops the pseudonyms at once
 * and a text message on the topic {@value Endpoints#HUB_CONSENT_CHANGES} (one pseudonym per line) makes every
 * instance, this one included, drop them too. The message holds pseudonyms only, never personal data in clear.
 */
public class ConsentChanges implements MessageListener {
    /** More lines than any one change names; a longer message empties the whole cache instead. */
    static final int MAX_PSEUDONYMS_PER_MESSAGE = 1_000;
    private static final Logger log = LoggerFactory.getLogger(ConsentChanges.class);

    private final CachingConsentStore cache;
    private final JmsTemplate topic;

    public ConsentChanges(CachingConsentStore cache, JmsTemplate topic) {
        this.cache = cache;
        this.topic = topic;
    }

    /** Tells every hub instance that these pseudonyms' consents or risk flags changed. */
    public void announce(Collection<String> pseudonyms) {
        if (pseudonyms.isEmpty()) {
            return;
        }
        cache.evictAll(pseudonyms);
        topic.send(Endpoints.HUB_CONSENT_CHANGES, session -> session.createTextMessage(String.join("\n", pseudonyms)));
    }

    /** A change announced by any hub instance. */
    @Override
    public void onMessage(Message message) {
        try {
            if (!(message instanceof TextMessage text) || text.getText() == null) {
                // Not ours to interpret: be safe and forget everything rather than keep what may be stale.
                log.warn("consent change message {} is not text; dropping every cached consent",
                        message.getJMSMessageID());
                cache.evictAll();
                return;
            }
            List<String> pseudonyms = new ArrayList<>();
            for (String line : text.getText().split("\n", MAX_PSEUDONYMS_PER_MESSAGE + 1)) {
                if (!line.isBlank()) {
                    pseudonyms.add(line.strip());
                }
            }
            if (pseudonyms.size() > MAX_PSEUDONYMS_PER_MESSAGE) {
                cache.evictAll();
            } else {
                cache.evictAll(pseudonyms);
            }
            log.debug("consent change for {} subjects", pseudonyms.size());
        } catch (JMSException e) {
            cache.evictAll();
            log.warn("consent change message could not be read ({}); dropping every cached consent",
                    e.getClass().getSimpleName());
        }
    }
}
