package se.samband.hub.trust;

import java.security.cert.X509Certificate;
import java.util.Optional;
import se.samband.notice.ParticipantId;
import se.samband.security.pki.CertificateValidator;
import se.samband.security.pki.PrivateKeyAccess;

/**
 * The hub's trust material: its own signing key (receipts, rejections, escalations, audit checkpoints),
 * the validator over the federation's trust anchors and CRLs, and each participant's certificate.
 */
public interface FederationTrust {

    /** The hub's own key ({@code samband.hub}). */
    PrivateKeyAccess hubKey();

    /** Validates certificates against the federation's CAs and current CRLs. */
    CertificateValidator validator();

    /** The registered certificate of a participant, for sealing hub notices to it. */
    Optional<X509Certificate> certificateOf(ParticipantId participant);
}
