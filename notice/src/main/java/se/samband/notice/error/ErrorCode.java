package se.samband.notice.error;

/**
 * Every refusal Samband can give, as a stable snake_case code. Agencies get the code and a
 * generic sentence; details stay in the hub's log. Codes are never renamed: add new ones instead.
 * Each code is explained in ERROR-CODES.md at the repository root (a test keeps the two in step).
 */
public enum ErrorCode {
    // The container and header (notice module)
    NOTICE_TOO_LARGE(413, "The notice exceeds the size limit."),
    HEADER_TOO_LARGE(413, "The notice header exceeds the size limit."),
    MALFORMED_JSON(400, "The notice is not well-formed JSON."),
    DUPLICATE_KEY(400, "A JSON object holds the same key twice."),
    UNKNOWN_FIELD(400, "The notice holds a field that the contract does not define."),
    MISSING_FIELD(400, "A required field is missing."),
    NESTING_TOO_DEEP(400, "The JSON is nested deeper than allowed."),
    BAD_BASE64(400, "A field that must be base64 is not."),
    SCHEMA_VIOLATION(400, "The notice header does not match the header schema."),
    UNSUPPORTED_SCHEMA_VERSION(400, "The header's schema version is not supported."),
    PERSONAL_DATA_IN_HEADER(400, "The header holds a value shaped like a personal identity number."),

    // Sealing and opening (security module)
    SIGNATURE_INVALID(422, "The header signature does not verify."),
    BODY_DIGEST_MISMATCH(422, "The body does not match the digest in the header."),
    NOT_A_RECIPIENT(403, "The notice is not encrypted for this key."),
    DECRYPTION_FAILED(422, "The body could not be decrypted."),
    PAYLOAD_SIGNATURE_INVALID(422, "The signature inside the body does not verify."),
    SIGNER_MISMATCH(422, "The header and the body were signed by different certificates."),
    SEALING_FAILED(500, "The notice could not be sealed."),

    // Trust (security module)
    CERTIFICATE_EXPIRED(403, "A certificate in the chain has expired."),
    CERTIFICATE_NOT_YET_VALID(403, "A certificate in the chain is not valid yet."),
    CERTIFICATE_REVOKED(403, "The certificate has been revoked."),
    CERTIFICATE_UNTRUSTED(403, "The certificate does not chain to a trust anchor of the federation."),
    CERTIFICATE_KEY_USAGE(403, "The certificate may not be used for this purpose."),
    CRL_UNAVAILABLE(503, "No current revocation list is available for the issuer."),
    KEY_UNAVAILABLE(500, "The private key could not be read."),

    // Identifiers (security module)
    INVALID_PERSONNUMMER(400, "The personal identity number is not valid."),
    INVALID_KOMMUNKOD(400, "The municipality code is not valid."),
    INVALID_ORGANISATIONSNUMMER(400, "The organisation number is not valid."),
    INVALID_HSA_ID(400, "The HSA-id is not valid."),

    // Audit trail (security module)
    AUDIT_RECORD_INVALID(500, "The audit record holds a value that the audit trail does not allow."),
    AUDIT_CHECKPOINT_FAILED(500, "The audit checkpoint could not be signed."),

    // Configuration
    FEDERATION_INVALID(500, "The federation configuration is not valid."),

    // Transport authentication (hub: TLS acceptor, HTTPS API)
    SENDER_UNKNOWN(401, "The connection is not authenticated as a participant of the federation."),
    SENDER_MISMATCH(403, "The notice's sender is not the participant that signed it or that the transport authenticated."),

    // Agency connector's local API (connectors module)
    SUBMISSION_INVALID(422, "The submission has problems; the problems list names each field and rule."),
    NO_RECIPIENT_FOUND(422, "The hub's directory names no participant that serves the wanted recipient."),
    HUB_UNREACHABLE(503, "The hub could not be reached; nothing was queued."),
    NOTICE_ALREADY_ANSWERED(409, "The notice was already accepted or declined in the other way."),

    // Decisions: whether a notice may be disclosed to one recipient (security module, consent policy)
    BASIS_NOT_APPLICABLE(403,
            "The claimed legal basis does not allow this notice type from this kind of sender to this kind of "
                    + "recipient."),
    CATEGORIES_NOT_COVERED(403, "The notice carries data categories that the claimed legal basis does not cover."),
    CONSENT_SCOPE_MISMATCH(403,
            "The consent does not name this person, sender, recipient, notice type, every data category or purpose."),
    CONSENT_EXPIRED(403, "The consent's period has ended or the consent is marked expired."),
    CONSENT_NOT_YET_VALID(403, "The consent's period has not begun yet."),
    CONSENT_WITHDRAWN(403, "The person has withdrawn the consent."),
    CONSENT_ENTERED_IN_ERROR(403, "The consent was registered in error and is void."),
    CONSENT_DENIED(403, "The person has refused this disclosure; a refusal overrides any consent."),
    EMERGENCY_REASON_MISSING(422, "An emergency disclosure must carry a reason code."),
    EMERGENCY_TOO_LONG(422, "The disclosure stands longer than the legal-basis table allows for its basis."),

    // Hub pipeline: admission, verification and routing of a whole notice (routes module)
    CLOCK_SKEW(400, "The notice's creation time differs from the hub's clock by more than the allowed skew."),
    NOTICE_EXPIRED(422, "The notice has expired."),
    REPLAYED_NOTICE(409, "A notice with this id has already been submitted."),
    RECIPIENT_UNKNOWN(422, "A recipient is not a participant of the federation."),
    ROUTE_NOT_PERMITTED(403, "The routing policy does not let this sender send this notice type to a recipient."),
    RECEIPT_NOT_ROUTABLE(422, "The receipt does not answer a notice this sender received from its recipient."),

    // Hub REST API (routes module)
    NOTICE_NOT_FOUND(404, "The hub has no record of a notice with this id."),
    NOT_NOTICE_SENDER(403, "Only the notice's sender may read its handover state."),
    CONSENT_INVALID(422, "The consent cannot be registered; the problems list says what to correct."),
    CONSENT_NOT_YOURS(403, "Only the participant that recorded a consent may register, change or withdraw it."),
    CONSENT_NOT_FOUND(404, "The registry has no consent with this id."),
    PARTICIPANT_UNKNOWN(404, "The federation has no participant with this id."),
    DIRECTORY_QUERY_INVALID(400,
            "The directory query lacks a known kind or holds a malformed municipality, region or HSA-id."),
    RISK_FLAG_INVALID(422, "The risk flag cannot be set; the problems list says what to correct."),
    RISK_FLAG_NOT_PERMITTED(403, "Only the police and social services may set or clear risk flags."),
    RISK_FLAG_NOT_FOUND(404, "The hub has no risk flag with this id."),
    MANUAL_ROUTING_NOT_FOUND(404, "The manual routing queue holds no open notice with this id."),
    MANUAL_ROUTING_INVALID(422, "The manual routing request is incomplete or names an unknown action."),

    // People port (routes module): operators and security officers
    LOGIN_REQUIRED(401, "The request needs a valid login of a person on the people port."),
    ROLE_NOT_PERMITTED(403, "The person's role does not permit this request."),
    QUERY_INVALID(400, "A parameter of the request is not valid."),
    REVIEW_NOT_FOUND(404, "No disclosure that needs a follow-up review has this id."),
    REVIEW_ALREADY_COMPLETED(409, "The follow-up review of this disclosure has already been completed."),
    REVIEW_INVALID(422, "The review needs a known finding and a comment of 1 to 2000 characters without"
            + " personal identity numbers.");

    private final int httpStatus;
    private final String message;

    ErrorCode(int httpStatus, String message) {
        this.httpStatus = httpStatus;
        this.message = message;
    }

    /** The stable wire form, e.g. {@code notice_too_large}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The HTTP status a REST client gets for this refusal. */
    public int httpStatus() {
        return httpStatus;
    }

    /** A generic sentence for agencies: it never names a field value. */
    public String message() {
        return message;
    }
}
