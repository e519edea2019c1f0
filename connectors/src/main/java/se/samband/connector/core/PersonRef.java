package se.samband.connector.core;

import se.samband.notice.SubjectRole;

/**
 * A person a case system names in a submission, by personal identity (or coordination) number.
 * The number goes into the sealed body only; the header carries the pseudonym.
 * {@link #toString()} never shows the number.
 */
public record PersonRef(String personnummer, SubjectRole role, boolean protectedIdentity) {

    @Override
    public String toString() {
        return "PersonRef[role=" + role + ", protectedIdentity=" + protectedIdentity + "]";
    }
}
