package se.samband.hub.timeline;

import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import se.samband.hub.handover.CaseRefDigest;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * What a timeline is asked for: a subject (pseudonym), a case reference, or (security officers only) one notice.
 * Exactly one, each in its format, else {@code 400 timeline_query_invalid}; the refusal never repeats the value.
 */
public record TimelineQuery(Kind kind, String value) {
    private static final Pattern PSEUDONYM = Pattern.compile("ps1:[A-Za-z0-9_-]{43}");
    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public enum Kind { SUBJECT, CASE_REF, NOTICE }

    /** A participant's question: {@code subject} or {@code caseRef} ({@code noticeId} is refused). */
    public static TimelineQuery forParticipant(String subject, String caseRef, String noticeId) {
        return of(subject, caseRef, noticeId, false);
    }

    /** A security officer's question: {@code subject}, {@code caseRef} or {@code noticeId}. */
    public static TimelineQuery forOfficer(String subject, String caseRef, String noticeId) {
        return of(subject, caseRef, noticeId, true);
    }

    private static TimelineQuery of(String subject, String caseRef, String noticeId, boolean noticeAllowed) {
        if (!noticeAllowed && noticeId != null) {
            throw invalid("noticeId is for security officers");
        }
        long given = Stream.of(subject, caseRef, noticeId).filter(value -> value != null).count();
        if (given != 1) {
            throw invalid(given + " of subject, caseRef, noticeId given");
        }
        if (subject != null) {
            return checked(Kind.SUBJECT, subject, PSEUDONYM);
        }
        if (caseRef != null) {
            return checked(Kind.CASE_REF, caseRef, CaseRefDigest.FORMAT);
        }
        return checked(Kind.NOTICE, noticeId.toLowerCase(), UUID_FORM);
    }

    public UUID noticeId() {
        return UUID.fromString(value);
    }

    private static TimelineQuery checked(Kind kind, String value, Pattern format) {
        if (!format.matcher(value).matches()) {
            throw invalid(kind + " not in its format");
        }
        return new TimelineQuery(kind, value);
    }

    private static SambandException invalid(String why) {
        return new SambandException(ErrorCode.TIMELINE_QUERY_INVALID, "timeline query refused: " + why);
    }
}
