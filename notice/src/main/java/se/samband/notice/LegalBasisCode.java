package se.samband.notice;

/**
 * The grounds on which a notice may be disclosed (DOMAIN.md, "Legal bases"). What each one
 * permits is data in the federation's legal-basis table, not code.
 */
public enum LegalBasisCode {
    CONSENT,
    NECESSARY_OWN_TASK,
    DUTY_CHILD_CONCERN,
    PREVENT_IPV_18C,
    YOUTH_CRIME_18A,
    CRIME_VS_MINOR_21,
    SERIOUS_CRIME_23,
    GENERAL_CLAUSE_27,
    SOC_HEALTH_26_9,
    KONTAKTFORBUD_NOTICE,
    EMERGENCY
}
