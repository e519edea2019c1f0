package se.samband.notice;

/**
 * What kinds of personal data a sealed body carries. Consents and legal bases name the
 * categories they cover; the hub compares them without ever opening the body.
 */
public enum DataCategory {
    /** Phone number, contact channel, probation or case-worker contact. */
    CONTACT_DETAILS,
    /** Planned or actual release dates and conditions. */
    RELEASE_INFORMATION,
    /** Risk-assessment instrument, level, factor categories, review dates. */
    RISK_ASSESSMENT,
    /** Circumstances that show a risk of violence against a close person. */
    RISK_CIRCUMSTANCES,
    /** Information about a child: concern, witnessed violence, guardians. */
    CHILD_WELFARE,
    /** Household composition, children in the household, housing. */
    HOUSEHOLD,
    /** Suspected or committed offences. */
    CRIMINAL_OFFENCE,
    /** Kontaktförbud decisions and their validity. */
    CONTACT_BAN,
    /** Treatment started/paused/ended; never clinical content. */
    TREATMENT_STATUS,
    /** Reason for and details of a referral. */
    REFERRAL,
    /** Social-services decisions and interventions. */
    SOCIAL_SERVICES_DECISION,
    /** Time, place, participants and agenda of a case conference. */
    CASE_CONFERENCE,
    /** Language and interpreter need. */
    LANGUAGE_NEEDS
}
