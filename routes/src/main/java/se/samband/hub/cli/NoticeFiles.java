package se.samband.hub.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.SealedNotice;
import se.samband.notice.error.SambandException;
import se.samband.security.pki.CertificateValidator;
import se.samband.security.pki.KeyUse;
import se.samband.security.pki.ParticipantCertificates;
import se.samband.security.pki.TrustAnchors;

/** What the notice tools share: reading files, checking the signer's chain, reporting refusals. */
final class NoticeFiles {
    /** Exit code for a notice that was refused (bad signature, untrusted signer...). */
    static final int REFUSED = 3;

    /** Reads a header a person wrote by hand: the sealer adds the body digest and validates the rest. */
    private static final ObjectMapper HEADER_INPUT = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectMapper PRETTY = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private NoticeFiles() {
    }

    static NoticeHeader readHeaderInput(Path file) {
        try {
            return HEADER_INPUT.readValue(file.toFile(), NoticeHeader.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the header file " + file + ": " + e.getMessage(), e);
        }
    }

    static SealedNotice readContainer(Path file) {
        try {
            return NoticeJson.strict().readContainer(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The header as it was signed, re-indented for people (the signed bytes stay as they were). */
    static String pretty(byte[] headerBytes) {
        try {
            return PRETTY.writeValueAsString(PRETTY.readTree(headerBytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates the signer against a trust directory and checks it is the header's sender. */
    static String checkSigner(Path trustDir, X509Certificate signer, NoticeHeader header) {
        if (trustDir == null) {
            return "not checked (no --trust directory given)";
        }
        new CertificateValidator(TrustAnchors.load(trustDir), Clock.systemUTC()).validate(signer, KeyUse.SIGNING);
        String signerId = ParticipantCertificates.participantId(signer).map(Object::toString).orElse("?");
        if (!signerId.equals(header.sender().value())) {
            return "valid, but signed by " + signerId + ", not by the sender " + header.sender();
        }
        return "valid (chain, validity, revocation), signer is the sender";
    }

    static int refused(PrintWriter err, SambandException e) {
        err.printf("refused: %s: %s%n", e.code().code(), e.code().message());
        err.flush();
        return REFUSED;
    }
}
