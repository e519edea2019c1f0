package se.samband.hub.decision;

import java.util.Locale;
import se.samband.notice.NoticeHeader;
import se.samband.notice.SubjectRole;

/**
 * Why a notice goes to the manual routing queue, as the one audit reason code of {@code MANUAL_ROUTING_QUEUED}
 * (security/AUDIT-EVENTS.md): {@code protected_identity} and, each after a dot, the roles of the subjects whose
 * identity is protected ({@code perpetrator}, {@code victim}, {@code child}) and {@code related} when the header's
 * own flag is set (a related person who is not among the subjects), e.g. {@code protected_identity.child.related}.
 */
public final class ProtectedIdentityReasons {
    /** The reason code's stem; alone when the header names no reason (it cannot, once the decision held it). */
    public static final String PROTECTED_IDENTITY = "protected_identity";

    private ProtectedIdentityReasons() {
    }

    public static String of(NoticeHeader header) {
        StringBuilder reasons = new StringBuilder(PROTECTED_IDENTITY);
        for (SubjectRole role : SubjectRole.values()) {
            if (header.subjects().stream().anyMatch(s -> s.protectedIdentity() && s.role() == role)) {
                reasons.append('.').append(role.name().toLowerCase(Locale.ROOT));
            }
        }
        if (header.protectedIdentity()) {
            reasons.append(".related");
        }
        return reasons.toString();
    }
}
