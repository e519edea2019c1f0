package se.samband.notice;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * A participant's id, {@code kind.slug} in lower case, e.g. {@code socialtjanst.bollnas} or
 * {@code kriminalvarden.frivard-gavle}. It names a function address of an organisation, never a person.
 */
public record ParticipantId(String value) implements Comparable<ParticipantId> {
    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9]{1,30}\\.[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_LENGTH = 64;

    /** The hub's own participant id: it signs receipts, rejections and escalations. */
    public static final ParticipantId HUB = new ParticipantId("samband.hub");

    public ParticipantId {
        if (value == null || value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()) {
            throw new SambandException(ErrorCode.SCHEMA_VIOLATION, "participant id is not kind.slug");
        }
    }

    @JsonCreator
    public static ParticipantId of(String value) {
        return new ParticipantId(value);
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && FORMAT.matcher(value).matches();
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public int compareTo(ParticipantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
