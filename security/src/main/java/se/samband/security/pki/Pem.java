package se.samband.security.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads and writes X.509 certificates and CRLs in PEM (RFC 7468), the form OpenSSL and most tools
 * exchange. Reading goes through the JDK's {@link CertificateFactory}, which also accepts DER.
 * Malformed input gives an {@link IllegalArgumentException} naming the file, never its content.
 */
public final class Pem {
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private Pem() {
    }

    public static String encode(X509Certificate certificate) {
        try {
            return armour("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    public static String encode(X509CRL crl) {
        try {
            return armour("X509 CRL", crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalArgumentException("CRL cannot be encoded", e);
        }
    }

    /** Writes one or more certificates (e.g. a chain, leaf first) to a file, replacing it. */
    public static void write(Path file, List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        certificates.forEach(c -> pem.append(encode(c)));
        writeString(file, pem.toString());
    }

    public static void write(Path file, X509Certificate certificate) {
        write(file, List.of(certificate));
    }

    public static void write(Path file, X509CRL crl) {
        writeString(file, encode(crl));
    }

    /** The first certificate in the file. */
    public static X509Certificate readCertificate(Path file) {
        List<X509Certificate> all = readCertificates(file);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no certificate in " + file.getFileName());
        }
        return all.get(0);
    }

    /** All certificates in the file, in file order. */
    public static List<X509Certificate> readCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            factory().generateCertificates(in).forEach(c -> certificates.add((X509Certificate) c));
            return List.copyOf(certificates);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a certificate file: " + file.getFileName(), e);
        }
    }

    public static X509Certificate parseCertificate(String pem) {
        try {
            return (X509Certificate) factory().generateCertificate(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a PEM certificate", e);
        }
    }

    public static X509CRL readCrl(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) factory().generateCRL(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        } catch (CRLException | CertificateException e) {
            throw new IllegalArgumentException("not a CRL file: " + file.getFileName(), e);
        }
    }

    private static String armour(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static void writeString(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.getFileName(), e);
        }
    }

    private static CertificateFactory factory() throws CertificateException {
        return CertificateFactory.getInstance("X.509");
    }
}
