package se.samband.notice;

/** The kinds of notice (DOMAIN.md, "Notice types"), receipts and service messages included. */
public enum NoticeType {
    RELEASE_CONTACT_CONSENT,
    RELEASE_EFFECTED,
    POST_INTERVIEW_SUPPORT_OFFER,
    CASE_CONFERENCE_INVITE,
    CHILD_CONCERN_REPORT,
    IPV_PREVENTION_ALERT,
    RISK_ASSESSMENT_SHARED,
    CONTACT_HOLD,
    CONTACT_BAN_DECISION,
    GROUP_PROGRAMME_REFERRAL,
    TREATMENT_REFERRAL,
    TREATMENT_STATUS,
    CRIME_SUSPICION_REPORT,
    /** Sent by the hub to every recipient of notices sent on a consent that was withdrawn. */
    CONSENT_WITHDRAWN(Kind.SERVICE),
    /** The recipient's connector has the notice. */
    RECEIVED(Kind.RECEIPT),
    /** A person at the recipient has taken responsibility. */
    ACCEPTED(Kind.RECEIPT),
    /** The recipient will not act on the notice (reason code). */
    DECLINED(Kind.RECEIPT),
    /** The hub refused the notice (reason code). */
    REJECTED(Kind.RECEIPT),
    /** A handover is overdue or a hold has expired (reason code). */
    ESCALATION(Kind.RECEIPT),
    /** The hub's answer to a submission: each recipient's outcome. */
    SUBMISSION_RECEIPT(Kind.RECEIPT);

    private enum Kind { CASE, RECEIPT, SERVICE }

    private final Kind kind;

    NoticeType() {
        this(Kind.CASE);
    }

    NoticeType(Kind kind) {
        this.kind = kind;
    }

    /** A receipt answers another notice ({@code inReplyTo}) and carries no legal basis. */
    public boolean isReceipt() {
        return kind == Kind.RECEIPT;
    }

    /** A case notice carries personal data and needs a legal basis for every recipient. */
    public boolean isCaseNotice() {
        return kind == Kind.CASE;
    }
}
