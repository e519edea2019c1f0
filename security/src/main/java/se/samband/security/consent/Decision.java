package se.samband.security.consent;

import java.time.Instant;
import java.util.Objects;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.error.ErrorCode;

/**
 * What the hub does with a verified notice for one recipient: deliver it ({@link Permit}), keep it sealed in
 * the held store until something changes ({@link Hold}), or refuse it ({@link Deny}).
 */
public sealed interface Decision permits Decision.Permit, Decision.Hold, Decision.Deny {

    /**
     * Deliver.
     *
     * @param basis          the ground the disclosure stands on
     * @param consentId      the consent it stands on; null unless {@code basis} is CONSENT
     * @param reviewRequired whether a security officer must follow the disclosure up
     */
    record Permit(LegalBasisCode basis, String consentId, boolean reviewRequired) implements Decision {
        public Permit {
            Objects.requireNonNull(basis, "basis");
        }
    }

    /**
     * Keep the notice sealed in the held store and tell the sender why; it is decided again when a consent is
     * registered, a risk flag ends or an operator confirms the routing.
     *
     * @param reason         why it is held
     * @param until          when the hold ends by itself (the last active risk flag's end); null if only an
     *                       event can end it
     * @param flagReasonCode the reason code of that risk flag, to tell the sender; null for other reasons
     */
    record Hold(HoldReason reason, Instant until, String flagReasonCode) implements Decision {
        public Hold {
            Objects.requireNonNull(reason, "reason");
        }

        static Hold of(HoldReason reason) {
            return new Hold(reason, null, null);
        }
    }

    /**
     * Refuse. The agency gets {@code code} with its generic sentence; {@code detail} is for the hub's log and
     * the security officer only: it names the dimension or rule that failed, with codes and ids, never values.
     */
    record Deny(ErrorCode code, String detail) implements Decision {
        public Deny {
            Objects.requireNonNull(code, "code");
        }
    }

    /** Why a notice is held rather than delivered or refused. */
    enum HoldReason {
        /** The header names a consent the registry does not know (yet); registering it releases the notice. */
        AWAITING_CONSENT,
        /** A subject carries an active risk flag and the type would lead to contacting them. */
        RISK_FLAG_ACTIVE,
        /**
         * A subject's identity is protected: an operator with the right role confirms the routing; the hub never
         * routes such a notice on its own (e.g. by registered municipality).
         */
        MANUAL_ROUTING_PROTECTED_IDENTITY
    }
}
