package se.samband.connector.local;

import java.util.ArrayList;
import java.util.List;
import se.samband.connector.config.ConnectorProperties;
import se.samband.notice.ParticipantKind;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * The agency profile's rules, applied to the case system's requests before anything reaches the hub: which notice
 * types this kind of agency sends, whether it may set risk flags, how it must name healthcare recipients. The hub
 * enforces its own routing policy regardless; refusing here gives the case system a precise answer at once and
 * keeps a wrong request off the network.
 */
public final class AgencyRules {
    /** Problem code: the notice type is not one this kind of agency sends (DOMAIN.md, "from → to"). */
    public static final String TYPE_NOT_SENT_BY_KIND = "type_not_sent_by_kind";
    /** Problem code: a healthcare recipient must be looked up by its HSA-id. */
    public static final String HSA_ID_REQUIRED = "hsa_id_required";

    private final ParticipantKind kind;
    private final ConnectorProperties.Rules rules;

    public AgencyRules(ParticipantKind kind, ConnectorProperties.Rules rules) {
        this.kind = kind;
        this.rules = rules;
    }

    /** No profile: nothing is restricted locally (the hub's policy still applies). */
    public static AgencyRules unrestricted() {
        return new AgencyRules(null, new ConnectorProperties.Rules(null, true, false));
    }

    public ParticipantKind kind() {
        return kind;
    }

    /** Refuses a submission the profile does not allow, with every such problem as {@code submission_invalid}. */
    public void checkSubmission(ParsedSubmission parsed) {
        List<Problem> problems = new ArrayList<>();
        if (!rules.noticeTypes().isEmpty() && !rules.noticeTypes().contains(parsed.submission().type())) {
            problems.add(new Problem(TYPE_NOT_SENT_BY_KIND, "/type"));
        }
        if (rules.hsaIdForHealthcare() && parsed.query() != null
                && parsed.query().kind() == ParticipantKind.HALSO_SJUKVARD && parsed.query().hsaId() == null) {
            problems.add(new Problem(HSA_ID_REQUIRED, "/recipient/hsaId"));
        }
        if (!problems.isEmpty()) {
            throw new SubmissionRequests.Invalid(problems);
        }
    }

    /** Refuses setting or clearing a risk flag for a kind that may not ({@code 403 risk_flag_not_permitted}). */
    public void checkRiskFlagChange() {
        if (!rules.riskFlags()) {
            throw new SambandException(ErrorCode.RISK_FLAG_NOT_PERMITTED,
                    "the agency profile " + kind + " may not set or clear risk flags");
        }
    }
}
