package se.samband.security.pki;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import se.samband.notice.ParticipantId;

/**
 * Reads which participant a certificate belongs to: the SubjectAltName URI
 * {@code urn:samband:participant:<id>}, or when there is none, the subject's CN. Says nothing
 * about whether the certificate is trusted; validate it with {@link CertificateValidator} first.
 */
public final class ParticipantCertificates {
    private static final int SAN_URI = 6;

    private ParticipantCertificates() {
    }

    public static Optional<ParticipantId> participantId(X509Certificate certificate) {
        Optional<ParticipantId> fromSan = fromSubjectAltName(certificate);
        return fromSan.isPresent() ? fromSan : fromCommonName(certificate);
    }

    private static Optional<ParticipantId> fromSubjectAltName(X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return Optional.empty();
        }
        if (names == null) {
            return Optional.empty();
        }
        return names.stream()
                .filter(n -> n.size() == 2 && Integer.valueOf(SAN_URI).equals(n.get(0)))
                .map(n -> String.valueOf(n.get(1)))
                .filter(uri -> uri.startsWith(DevPki.PARTICIPANT_URI_PREFIX))
                .map(uri -> uri.substring(DevPki.PARTICIPANT_URI_PREFIX.length()))
                .filter(ParticipantId::isValid)
                .map(ParticipantId::of)
                .findFirst();
    }

    private static Optional<ParticipantId> fromCommonName(X509Certificate certificate) {
        try {
            LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
            for (Rdn rdn : name.getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType()) && rdn.getValue() instanceof String cn
                        && ParticipantId.isValid(cn)) {
                    return Optional.of(ParticipantId.of(cn));
                }
            }
            return Optional.empty();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
