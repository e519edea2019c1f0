package se.samband.security.consent;

import java.util.Locale;
import java.util.Objects;

/**
 * One reason a consent record or risk flag cannot be registered, as {@link ConsentValidator} reports it. The
 * registry returns these to the agency that registered the record, so each one says what to fix: a stable code,
 * the field, and — only where it is an identifier or a code, never personal data — the offending value.
 *
 * @param code  what is wrong
 * @param field the record's field, e.g. {@code recipients}
 * @param value the participant id or enum constant at fault; null when the field itself is the problem
 */
public record RegistrationProblem(Code code, String field, String value) {

    public RegistrationProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
    }

    static RegistrationProblem of(Code code, String field) {
        return new RegistrationProblem(code, field, null);
    }

    /** The stable codes; {@link #code()} gives the snake_case wire form. */
    public enum Code {
        /** A required field is empty. */
        MISSING,
        /** The value does not have the required form (e.g. a pseudonym that is not {@code ps1:} + 43 base64url). */
        INVALID_FORMAT,
        /** Versions are numbered from 1. */
        VERSION_INVALID,
        /** A scope set (senders, recipients, notice types, data categories, purposes) is empty; no wildcard exists. */
        SCOPE_EMPTY,
        /** The participant is not in the federation. */
        PARTICIPANT_UNKNOWN,
        /** The hub is no party to a consent and sets no flags: it never sends or receives case notices. */
        HUB_NOT_ALLOWED,
        /** The notice type or purpose cannot be disclosed on consent (receipts, service messages, or not in the
         * legal-basis table's CONSENT row). */
        NOT_CONSENTABLE,
        /** The period's end is not after its start. */
        PERIOD_REVERSED,
        /** The period is longer than the federation allows for one consent. */
        PERIOD_TOO_LONG,
        /** The record says it was recorded (or set) in the future. */
        RECORDED_IN_FUTURE,
        /** Status WITHDRAWN, withdrawnAt and withdrawnVia do not agree. */
        WITHDRAWAL_INCONSISTENT,
        /** Only the police and social services may set risk flags. */
        SETTER_NOT_PERMITTED;

        /** The stable wire form, e.g. {@code scope_empty}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
