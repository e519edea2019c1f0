package se.samband.connector.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.samband.notice.LegalBasisClaim;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.ParticipantId;
import se.samband.notice.SealedNotice;
import se.samband.notice.Subject;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.identity.Personnummer;
import se.samband.security.identity.Pseudonymizer;
import se.samband.security.seal.NoticeSealer;

/**
 * Turns a case system's plain submission into a sealed notice: validates and pseudonymises every
 * personal identity number, builds the header from pseudonyms and codes only, and seals the payload
 * (persons with their numbers, plus the fields) for exactly the recipients' certificates.
 */
public final class NoticeComposer {
    /** Bounds on what a case system may put into one payload. */
    static final int MAX_FIELDS = 64;
    static final int MAX_PERSONS = 16;

    private final ParticipantId self;
    private final Pseudonymizer pseudonymizer;
    private final NoticeSealer sealer;
    private final Clock clock;
    private final ObjectMapper payloadMapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public NoticeComposer(ParticipantId self, Pseudonymizer pseudonymizer, NoticeSealer sealer, Clock clock) {
        this.self = self;
        this.pseudonymizer = pseudonymizer;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** A sealed notice and the header it carries (for the connector's status records). */
    public record ComposedNotice(NoticeHeader header, SealedNotice sealed) {
    }

    public ComposedNotice compose(CaseSubmission submission,
                                  Map<ParticipantId, X509Certificate> recipientCertificates) {
        if (submission.persons().size() > MAX_PERSONS || submission.fields().size() > MAX_FIELDS) {
            throw new SambandException(ErrorCode.SCHEMA_VIOLATION, "too many persons or payload fields");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (ParticipantId recipient : submission.recipients()) {
            X509Certificate certificate = recipientCertificates.get(recipient);
            if (certificate == null) {
                throw new SambandException(ErrorCode.NOT_A_RECIPIENT, "no certificate for recipient " + recipient);
            }
            certificates.add(certificate);
        }
        LocalDate today = LocalDate.now(clock);
        List<Subject> subjects = new ArrayList<>();
        List<Map<String, Object>> persons = new ArrayList<>();
        for (PersonRef person : submission.persons()) {
            Personnummer number = Personnummer.parse(person.personnummer(), today);
            String pseudonym = pseudonymizer.pseudonymize(number);
            subjects.add(new Subject(pseudonym, person.role(), person.protectedIdentity()));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("role", person.role());
            entry.put("personnummer", number.normalized());
            entry.put("pseudonym", pseudonym);
            entry.put("protectedIdentity", person.protectedIdentity());
            persons.add(entry);
        }
        boolean protectedIdentity = submission.persons().stream().anyMatch(PersonRef::protectedIdentity);
        UUID noticeId = submission.noticeId() != null ? submission.noticeId() : UUID.randomUUID();
        NoticeHeader header = NoticeHeader.builder()
                .noticeId(noticeId)
                .type(submission.type())
                .sender(self)
                .recipients(submission.recipients())
                .subjects(subjects)
                .purpose(submission.purpose())
                .legalBasis(submission.basis() == null ? null
                        : new LegalBasisClaim(submission.basis(), submission.consentId(), submission.reasonCode()))
                .dataCategories(submission.dataCategories())
                .protectedIdentity(protectedIdentity)
                .created(clock.instant().truncatedTo(ChronoUnit.SECONDS))
                .expires(submission.expires())
                .respondBy(submission.respondBy())
                .inReplyTo(submission.inReplyTo())
                .caseRef(submission.caseRef())
                .build();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("noticeId", noticeId.toString());
        payload.put("type", submission.type());
        payload.put("persons", persons);
        payload.put("fields", submission.fields());
        byte[] payloadBytes;
        try {
            payloadBytes = payloadMapper.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            // Jackson's message would quote the payload: keep only the code.
            throw new SambandException(ErrorCode.SCHEMA_VIOLATION, "payload fields are not serialisable");
        }
        SealedNotice sealed = sealer.seal(header, payloadBytes, certificates);
        // The sealer added the body digest: report the header exactly as it travels.
        return new ComposedNotice(NoticeJson.strict().readHeader(sealed.header()), sealed);
    }
}
