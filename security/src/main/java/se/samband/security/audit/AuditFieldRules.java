package se.samband.security.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import se.samband.notice.PersonnummerShape;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * What an audit field may hold. Every string field is a code, an id, a pseudonym or a digest with
 * a fixed pattern and length, so free text (a name, an address, a note) cannot get into the trail
 * by accident; a value shaped like a personal identity number is refused even where the pattern
 * would let it through. Refusals name the field, never the value. A UUID in a value (an OIDC subject, a
 * consent id like {@code kvv-<uuid>:v2}) may hold twelve digits by chance; {@link PersonnummerShape} never
 * counts it as a personnummer.
 */
final class AuditFieldRules {
    static final Pattern PSEUDONYM = Pattern.compile("ps1:[A-Za-z0-9_-]{43}");
    /** base64url without padding of a SHA-256 digest, as the header's {@code bodyDigest}. */
    static final Pattern DIGEST = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** A person's local account or OIDC subject, behind their role: {@code security-officer:u1042}. */
    static final Pattern PERSON_ACTOR = Pattern.compile("[a-z][a-z-]{1,31}:[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Pattern CONSENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,79}");
    static final Pattern REASON_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    static final int MAX_SUBJECTS = 32;
    /** 9999-12-31T23:59:59.999Z: the canonical encoding stores epoch milliseconds. */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private AuditFieldRules() {
    }

    static String actor(String value) {
        required(value, "actor");
        if (!ParticipantId.isValid(value) && !PERSON_ACTOR.matcher(value).matches()) {
            throw refused("actor", "is neither a participant id nor role:account");
        }
        return noPersonnummer(value, "actor");
    }

    static String participant(String value, String field) {
        if (value == null) {
            return null;
        }
        if (!ParticipantId.isValid(value)) {
            throw refused(field, "is not a participant id");
        }
        return noPersonnummer(value, field);
    }

    static String consentId(String value) {
        if (value == null) {
            return null;
        }
        return noPersonnummer(matches(value, CONSENT_ID, "consentId"), "consentId");
    }

    static String reasonCode(String value) {
        if (value == null) {
            return null;
        }
        return noPersonnummer(matches(value, REASON_CODE, "reasonCode"), "reasonCode");
    }

    static String digest(String value) {
        return value == null ? null : matches(value, DIGEST, "detailDigest");
    }

    /** An immutable copy; null means none. Checked before copying, as List.copyOf would throw on a null item. */
    static List<String> pseudonyms(List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_SUBJECTS) {
            throw refused("subjectPseudonyms", "has more than " + MAX_SUBJECTS + " items");
        }
        List<String> copy = new ArrayList<>(values);
        for (String value : copy) {
            required(value, "subjectPseudonyms");
            matches(value, PSEUDONYM, "subjectPseudonyms");
        }
        return List.copyOf(copy);
    }

    static Instant instant(Instant value, String field) {
        required(value, field);
        if (value.isBefore(Instant.EPOCH) || value.isAfter(LATEST)) {
            throw refused(field, "is outside 1970..9999");
        }
        return value;
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw refused(field, "is missing");
        }
        return value;
    }

    static boolean looksLikePersonnummer(String value) {
        return PersonnummerShape.foundIn(value);
    }

    private static String matches(String value, Pattern pattern, String field) {
        if (!pattern.matcher(value).matches()) {
            throw refused(field, "does not match its pattern");
        }
        return value;
    }

    private static String noPersonnummer(String value, String field) {
        if (looksLikePersonnummer(value)) {
            throw refused(field, "holds a value shaped like a personal identity number");
        }
        return value;
    }

    static SambandException refused(String field, String why) {
        return new SambandException(ErrorCode.AUDIT_RECORD_INVALID, "audit field " + field + " " + why);
    }
}
