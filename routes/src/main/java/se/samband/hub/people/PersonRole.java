package se.samband.hub.people;

import java.util.Locale;

/**
 * What a person may do on the people port. Separate roles, never implied by each other: an operator keeps the routes
 * healthy and sees no personal data or audit, a security officer audits disclosures and changes nothing in routing.
 */
public enum PersonRole {
    /** Integration operator: {@code /api/v1/operator/**}. */
    OPERATOR("operator"),
    /** Security officer: {@code /api/v1/security/**}. */
    SECURITY_OFFICER("security-officer");

    private final String actorPrefix;

    PersonRole(String actorPrefix) {
        this.actorPrefix = actorPrefix;
    }

    /** Spring Security's authority for this role, e.g. {@code ROLE_OPERATOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role part of an audit actor {@code role:account} (security/AUDIT-EVENTS.md). */
    public String actorPrefix() {
        return actorPrefix;
    }

    /** Reads a role name as configured or stored ({@code OPERATOR}, {@code security_officer}, {@code ROLE_...}). */
    public static PersonRole parse(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        return valueOf(name.startsWith("ROLE_") ? name.substring("ROLE_".length()) : name);
    }
}
