package se.samband.security.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import se.samband.notice.DataCategory;
import se.samband.notice.LegalBasisClaim;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeHeader;
import se.samband.notice.Subject;
import se.samband.notice.error.ErrorCode;
import se.samband.security.consent.Decision.Deny;
import se.samband.security.consent.Decision.Hold;
import se.samband.security.consent.Decision.HoldReason;
import se.samband.security.consent.Decision.Permit;
import se.samband.security.federation.LegalBasisRule;
import se.samband.security.federation.LegalBasisTable;

/**
 * Decides, for one recipient of a verified case notice, whether the hub delivers it ({@link Permit}), holds it
 * ({@link Hold}) or refuses it ({@link Deny}) — pipeline step 4 of ARCHITECTURE.md. Pure and thread-safe: no
 * I/O, no clock of its own ({@link DecisionRequest#now()}), so the hub can call it thousands of times a second
 * from its in-memory consent cache. The routing policy (may this sender kind send this type to this recipient
 * kind at all?) is an earlier, separate step and is not repeated here.
 *
 * <h2>Order of the rules (the first that answers wins)</h2>
 * <ol>
 *   <li><b>The basis.</b> The header must claim a basis ({@code missing_field} otherwise) and the federation's
 *       legal-basis table must have a rule for it that covers the sender's kind, the recipient's kind and the
 *       notice type ({@code basis_not_applicable}).
 *     <ul>
 *       <li><b>CONSENT</b>: the header must name a consent id ({@code missing_field}). Of every consent id
 *           only the highest version counts. First, a refusal wins: any ACTIVE, not withdrawn, in-period
 *           DENY-effect consent of one of the header's subjects that names this sender, this recipient, this
 *           type, this purpose and at least one of the header's data categories gives {@code consent_denied},
 *           even if the named consent would permit. Then the named consent: unknown gives
 *           {@link HoldReason#AWAITING_CONSENT} (it may be registered later; registering releases the notice);
 *           ENTERED_IN_ERROR gives {@code consent_entered_in_error}; withdrawn (status, or a withdrawal time
 *           that has passed) gives {@code consent_withdrawn}; a DENY-effect record cited as permission gives
 *           {@code consent_denied}; status EXPIRED or now &ge; validTo gives {@code consent_expired}; now &lt;
 *           validFrom gives {@code consent_not_yet_valid}. Its subject must be one of the header's subjects,
 *           and it must name the sender, the recipient, the type, every data category and the purpose, else
 *           {@code consent_scope_mismatch} (the failing dimension goes to the detail). The table's CONSENT
 *           row limits kinds and types; it limits categories only if it lists some. Match: Permit(CONSENT,
 *           consent id, no review).</li>
 *       <li><b>Any other basis</b>: the rule must cover every data category ({@code categories_not_covered});
 *           if the rule requires a reason, the header must carry one ({@code emergency_reason_missing}); if
 *           the rule limits validity, {@code expires - created} must be within it, a missing time counts as
 *           too long ({@code emergency_too_long}). Permit(code, no consent, review as the table says).
 *           <b>A person's refusal (DENY consent) does not override a legal basis</b>: these bases are grounds
 *           for disclosure without consent; the duties among them (DUTY_CHILD_CONCERN, KONTAKTFORBUD_NOTICE)
 *           apply whatever the person wants, and every other one already goes to a security officer's
 *           review (the federation loader enforces that).</li>
 *     </ul></li>
 *   <li><b>Risk flag.</b> Only a notice whose basis permits reaches this step, so a notice that would be
 *       refused anyway is refused, never held. If the type is one of {@link RiskFlag#HELD_TYPES} and any
 *       header subject has an active flag: {@link HoldReason#RISK_FLAG_ACTIVE}, until the latest such flag
 *       ends.</li>
 *   <li><b>Protected identity</b> (the header's flag or any subject's): {@link
 *       HoldReason#MANUAL_ROUTING_PROTECTED_IDENTITY} until an operator confirms the routing
 *       ({@link DecisionRequest#routingConfirmed()}); or, with {@link ProtectedIdentityHandling#PERMIT_WITH_REVIEW},
 *       delivery flagged for review. It comes after the risk flag so that an operator's confirmation can never
 *       release a notice a risk flag still holds: the notice is decided again on confirmation.</li>
 *   <li>Otherwise the basis's Permit.</li>
 * </ol>
 * Receipts and service messages ({@code !type.isCaseNotice()}) carry no personal data and no basis; the hub
 * passes them through without asking this class, and {@link #decide} refuses them as a programming error.
 */
public final class ConsentPolicy {
    private final Map<LegalBasisCode, LegalBasisRule> rules;
    private final ProtectedIdentityHandling protectedIdentity;

    /** What to do with a permitted notice about a person whose identity is protected. */
    public enum ProtectedIdentityHandling {
        /** Hold for an operator to confirm the routing (DOMAIN.md's rule; the default). */
        HOLD_FOR_MANUAL_ROUTING,
        /**
         * Deliver, but flag for a security officer's review. Only for federations whose connectors never choose
         * a recipient from a protected person's registered municipality.
         */
        PERMIT_WITH_REVIEW
    }

    /** A policy on the federation's legal-basis table that holds protected-identity notices for an operator. */
    public ConsentPolicy(LegalBasisTable table) {
        this(table, ProtectedIdentityHandling.HOLD_FOR_MANUAL_ROUTING);
    }

    public ConsentPolicy(LegalBasisTable table, ProtectedIdentityHandling protectedIdentity) {
        Objects.requireNonNull(table, "table");
        this.protectedIdentity = Objects.requireNonNull(protectedIdentity, "protectedIdentity");
        EnumMap<LegalBasisCode, LegalBasisRule> byCode = new EnumMap<>(LegalBasisCode.class);
        for (LegalBasisRule rule : table.bases()) {
            byCode.putIfAbsent(rule.code(), rule);
        }
        this.rules = byCode;
    }

    /**
     * Decides for {@code request.recipient()}.
     *
     * @throws IllegalArgumentException for a receipt or service message, or a sender or recipient that does not
     *                                  belong to the header: the caller's mistake, not the agency's
     */
    public Decision decide(DecisionRequest request) {
        NoticeHeader header = request.header();
        requireDecidable(request);
        Decision basis = judgeBasis(request);
        if (!(basis instanceof Permit permit)) {
            return basis;
        }
        Hold riskHold = riskHold(request);
        if (riskHold != null) {
            return riskHold;
        }
        if (concernsProtectedIdentity(header) && !request.routingConfirmed()) {
            return switch (protectedIdentity) {
                case HOLD_FOR_MANUAL_ROUTING -> Hold.of(HoldReason.MANUAL_ROUTING_PROTECTED_IDENTITY);
                case PERMIT_WITH_REVIEW -> new Permit(permit.basis(), permit.consentId(), true);
            };
        }
        return permit;
    }

    private static void requireDecidable(DecisionRequest request) {
        NoticeHeader header = request.header();
        if (header.type() == null || !header.type().isCaseNotice()) {
            throw new IllegalArgumentException("only case notices are decided, not " + header.type());
        }
        if (!request.sender().id().equals(header.sender())) {
            throw new IllegalArgumentException("sender " + request.sender().id() + " is not the header's sender");
        }
        if (!header.recipients().contains(request.recipient().id())) {
            throw new IllegalArgumentException("recipient " + request.recipient().id() + " is not in the header");
        }
    }

    private Decision judgeBasis(DecisionRequest request) {
        NoticeHeader header = request.header();
        LegalBasisClaim claim = header.legalBasis();
        if (claim == null || claim.code() == null) {
            return new Deny(ErrorCode.MISSING_FIELD, "legalBasis");
        }
        LegalBasisCode code = claim.code();
        LegalBasisRule rule = rules.get(code);
        if (rule == null) {
            return new Deny(ErrorCode.BASIS_NOT_APPLICABLE, "no rule for " + code + " in the legal-basis table");
        }
        boolean consent = code == LegalBasisCode.CONSENT;
        // A consent names its own categories; the table's CONSENT row narrows them only if it lists any.
        Set<DataCategory> tableCategories = consent && rule.dataCategories().isEmpty()
                ? Set.of() : header.dataCategories();
        if (!rule.covers(request.sender().kind(), request.recipient().kind(), header.type(), tableCategories)) {
            return refusalOf(rule, request, tableCategories);
        }
        if (consent) {
            return judgeConsent(request, claim.consentId());
        }
        if (rule.reasonRequired() && (claim.reasonCode() == null || claim.reasonCode().isBlank())) {
            return new Deny(ErrorCode.EMERGENCY_REASON_MISSING, code + " without reasonCode");
        }
        if (rule.maxValidityDays() != null && !withinDays(header, rule.maxValidityDays())) {
            return new Deny(ErrorCode.EMERGENCY_TOO_LONG, code + " longer than " + rule.maxValidityDays() + " days");
        }
        return new Permit(code, null, rule.review());
    }

    /** Says why {@link LegalBasisRule#covers} refused: the parties or type, or only the categories. */
    private static Deny refusalOf(LegalBasisRule rule, DecisionRequest request, Set<DataCategory> categories) {
        NoticeHeader header = request.header();
        if (!rule.senders().contains(request.sender().kind())
                || !rule.recipients().contains(request.recipient().kind())
                || !rule.types().contains(header.type())) {
            return new Deny(ErrorCode.BASIS_NOT_APPLICABLE, rule.code() + " does not cover " + request.sender().kind()
                    + " -> " + request.recipient().kind() + " " + header.type());
        }
        EnumSet<DataCategory> uncovered = EnumSet.noneOf(DataCategory.class);
        uncovered.addAll(categories);
        uncovered.removeAll(rule.dataCategories());
        return new Deny(ErrorCode.CATEGORIES_NOT_COVERED, rule.code() + " does not cover " + uncovered);
    }

    private static boolean withinDays(NoticeHeader header, int maxDays) {
        return header.created() != null && header.expires() != null
                && Duration.between(header.created(), header.expires()).compareTo(Duration.ofDays(maxDays)) <= 0;
    }

    private static Decision judgeConsent(DecisionRequest request, String consentId) {
        if (consentId == null || consentId.isBlank()) {
            return new Deny(ErrorCode.MISSING_FIELD, "legalBasis.consentId");
        }
        Instant now = request.now();
        Map<String, ConsentRecord> latest = latestVersions(request.consents());
        for (ConsentRecord c : latest.values()) {
            if (c.effect() == ConsentRecord.Effect.DENY && refuses(c, request)) {
                return new Deny(ErrorCode.CONSENT_DENIED, "refused by consent " + c.consentId() + " v" + c.version());
            }
        }
        ConsentRecord c = latest.get(consentId);
        if (c == null) {
            return Hold.of(HoldReason.AWAITING_CONSENT);
        }
        String which = "consent " + c.consentId() + " v" + c.version();
        if (c.status() == ConsentRecord.Status.ENTERED_IN_ERROR) {
            return new Deny(ErrorCode.CONSENT_ENTERED_IN_ERROR, which);
        }
        if (c.withdrawnBy(now)) {
            return new Deny(ErrorCode.CONSENT_WITHDRAWN, which);
        }
        if (c.effect() != ConsentRecord.Effect.PERMIT) {
            return new Deny(ErrorCode.CONSENT_DENIED, which + " is a refusal");
        }
        if (c.status() != ConsentRecord.Status.ACTIVE || c.validTo() == null || !now.isBefore(c.validTo())) {
            return new Deny(ErrorCode.CONSENT_EXPIRED, which);
        }
        if (c.validFrom() == null || now.isBefore(c.validFrom())) {
            return new Deny(ErrorCode.CONSENT_NOT_YET_VALID, which);
        }
        String dimension = firstUnnamed(c, request);
        if (dimension != null) {
            return new Deny(ErrorCode.CONSENT_SCOPE_MISMATCH, which + " does not name the " + dimension);
        }
        return new Permit(LegalBasisCode.CONSENT, c.consentId(), false);
    }

    /** The highest version of each consent id; a record's versions never change, so any copy of one will do. */
    private static Map<String, ConsentRecord> latestVersions(List<ConsentRecord> consents) {
        Map<String, ConsentRecord> latest = new HashMap<>(Math.max(4, consents.size() * 2));
        for (ConsentRecord c : consents) {
            if (c.consentId() != null) {
                latest.merge(c.consentId(), c, (a, b) -> b.version() > a.version() ? b : a);
            }
        }
        return latest;
    }

    /** The dimension of the disclosure a permitting consent does not name, or null if it names them all. */
    private static String firstUnnamed(ConsentRecord c, DecisionRequest request) {
        NoticeHeader header = request.header();
        if (!namesSubject(header, c.subjectPseudonym())) {
            return "subject";
        }
        if (!c.senders().contains(request.sender().id())) {
            return "sender";
        }
        if (!c.recipients().contains(request.recipient().id())) {
            return "recipient";
        }
        if (!c.noticeTypes().contains(header.type())) {
            return "notice type";
        }
        if (!c.dataCategories().containsAll(header.dataCategories())) {
            return "data categories";
        }
        // Immutable sets throw on contains(null), so a header without purpose is checked first.
        if (header.purpose() == null || !c.purposes().contains(header.purpose())) {
            return "purpose";
        }
        return null;
    }

    /**
     * Whether a refusal applies to this disclosure. It applies if it touches any of the notice's data categories
     * (a notice without categories is touched by any refusal): withholding part of a disclosure is not possible,
     * so a refusal of one category refuses the notice.
     */
    private static boolean refuses(ConsentRecord deny, DecisionRequest request) {
        NoticeHeader header = request.header();
        Instant now = request.now();
        return deny.status() == ConsentRecord.Status.ACTIVE
                && !deny.withdrawnBy(now)
                && deny.inPeriod(now)
                && namesSubject(header, deny.subjectPseudonym())
                && deny.senders().contains(request.sender().id())
                && deny.recipients().contains(request.recipient().id())
                && deny.noticeTypes().contains(header.type())
                && header.purpose() != null && deny.purposes().contains(header.purpose())
                && (header.dataCategories().isEmpty() || touchesAny(deny.dataCategories(), header.dataCategories()));
    }

    private static boolean touchesAny(Set<DataCategory> refused, Set<DataCategory> carried) {
        for (DataCategory category : carried) {
            if (refused.contains(category)) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesSubject(NoticeHeader header, String pseudonym) {
        if (pseudonym == null) {
            return false;
        }
        for (Subject subject : header.subjects()) {
            if (pseudonym.equals(subject.pseudonym())) {
                return true;
            }
        }
        return false;
    }

    /** A hold for the active risk flags of the header's subjects, if the type is one they hold back. */
    private static Hold riskHold(DecisionRequest request) {
        NoticeHeader header = request.header();
        if (!RiskFlag.holdsBack(header.type())) {
            return null;
        }
        RiskFlag last = null;
        for (RiskFlag flag : request.riskFlags()) {
            if (flag.isActive(request.now()) && namesSubject(header, flag.subjectPseudonym())
                    && (last == null || endsLater(flag, last))) {
                last = flag;
            }
        }
        return last == null ? null : new Hold(HoldReason.RISK_FLAG_ACTIVE, last.until(), last.reasonCode());
    }

    /** An open-ended flag (no until) ends latest of all. */
    private static boolean endsLater(RiskFlag a, RiskFlag b) {
        if (b.until() == null) {
            return false;
        }
        return a.until() == null || a.until().isAfter(b.until());
    }

    private static boolean concernsProtectedIdentity(NoticeHeader header) {
        if (header.protectedIdentity()) {
            return true;
        }
        for (Subject subject : header.subjects()) {
            if (subject.protectedIdentity()) {
                return true;
            }
        }
        return false;
    }
}
