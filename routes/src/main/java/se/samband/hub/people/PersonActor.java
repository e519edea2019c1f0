package se.samband.hub.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;

/**
 * The audit trail's actor for a person: {@code role:account}, e.g. {@code security-officer:security} (the form
 * security/AUDIT-EVENTS.md allows). The account is the authenticated name: a local account, or the OIDC token's
 * user name claim. A name the trail would refuse (an e-mail address, anything with spaces or a digit run) is replaced
 * by {@code sha-} and the start of its SHA-256, so an event is never lost to the shape of a name and no name that
 * could identify a person in plain text enters the trail.
 */
public final class PersonActor {
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d{6,}");

    private PersonActor() {
    }

    /** The actor for this person acting in this role. */
    public static String of(PersonRole role, Authentication person) {
        return role.actorPrefix() + ":" + account(person.getName());
    }

    static String account(String name) {
        if (name != null && ACCOUNT.matcher(name).matches() && !DIGIT_RUN.matcher(name).find()) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(name).getBytes(StandardCharsets.UTF_8));
            return "sha-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22)
                    .replace('-', 'x').replace('_', 'y');
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
