package se.samband.notice;

/** The kinds of organisation that take part in a federation (DOMAIN.md, "Agencies"). */
public enum ParticipantKind {
    /** Prison and Probation Service, incl. Frivården. */
    KRIMINALVARDEN,
    /** The police. */
    POLISEN,
    /** Municipal social services, incl. joint units with the police. */
    SOCIALTJANST,
    /** Regional healthcare: psychiatry, health centres, specialist units. */
    HALSO_SJUKVARD,
    /** Prosecutors. */
    AKLAGARE,
    /** A joint programme run for several municipalities. */
    SAMVERKAN,
    /** The hub itself: it signs receipts, rejections and escalations. */
    HUB
}
