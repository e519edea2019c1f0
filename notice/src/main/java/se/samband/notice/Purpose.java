package se.samband.notice;

/** Why a notice is sent; consents name the purposes they allow. */
public enum Purpose {
    /** Contact and support offered to a perpetrator after release or interview. */
    SUPPORT_CONTACT,
    /** Coordinating agencies around one case (conferences, holds). */
    CASE_COORDINATION,
    /** Protecting a child. */
    CHILD_PROTECTION,
    /** Preventing violence against a close person. */
    VIOLENCE_PREVENTION,
    /** Referral to and follow-up of treatment or a programme. */
    TREATMENT,
    /** Reporting a suspected crime. */
    CRIME_REPORTING,
    /** Sharing and acting on a risk assessment. */
    RISK_MANAGEMENT,
    /** Service messages of the hub and the connectors (receipts, escalations). */
    SERVICE
}
