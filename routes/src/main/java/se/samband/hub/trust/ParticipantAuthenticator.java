package se.samband.hub.trust;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import se.samband.hub.directory.Directory;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.pki.KeyUse;
import se.samband.security.pki.ParticipantCertificates;

/**
 * The one rule by which a transport (Artemis' TLS acceptor, the HTTPS API) turns a client certificate into a
 * participant: the chain validates for {@link KeyUse#TLS_CLIENT} against the federation's trust anchors and current
 * CRLs, names a participant ({@link ParticipantCertificates}), and that participant is in the federation in force.
 * The hub's own certificate is refused: the hub never logs in to itself from outside.
 */
public final class ParticipantAuthenticator {
    private final FederationTrust trust;
    private final Directory directory;

    public ParticipantAuthenticator(FederationTrust trust, Directory directory) {
        this.trust = trust;
        this.directory = directory;
    }

    /**
     * @param chain the peer's certificates, leaf first, as TLS hands them over; null or empty when there were none
     * @return the authenticated participant
     * @throws SambandException {@code sender_unknown} without a certificate or for one that names no participant of
     *                          the federation, or the validator's trust code (e.g. {@code certificate_revoked})
     */
    public ParticipantId authenticate(X509Certificate[] chain) {
        if (chain == null || chain.length == 0) {
            throw new SambandException(ErrorCode.SENDER_UNKNOWN, "no client certificate");
        }
        X509Certificate leaf = chain[0];
        List<X509Certificate> intermediates = Arrays.asList(chain).subList(1, chain.length);
        trust.validator().validate(leaf, intermediates, KeyUse.TLS_CLIENT);
        ParticipantId participant = ParticipantCertificates.participantId(leaf)
                .orElseThrow(() -> new SambandException(ErrorCode.SENDER_UNKNOWN,
                        "client certificate serial " + leaf.getSerialNumber().toString(16) + " names no participant"));
        if (ParticipantId.HUB.equals(participant)
                || directory.federation().participant(participant).isEmpty()) {
            throw new SambandException(ErrorCode.SENDER_UNKNOWN,
                    "participant " + participant + " may not log in from outside");
        }
        return participant;
    }
}
