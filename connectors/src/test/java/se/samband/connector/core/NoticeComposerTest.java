package se.samband.connector.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samband.notice.DataCategory;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.Purpose;
import se.samband.notice.SubjectRole;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.federation.FederationLoader;
import se.samband.security.identity.Personnummer;
import se.samband.security.identity.Pseudonymizer;
import se.samband.security.pki.DevPki;
import se.samband.security.seal.OpenedNotice;
import se.samband.security.seal.Sealing;

class NoticeComposerTest {
    private static final ParticipantId FRIVARDEN = ParticipantId.of("kriminalvarden.frivard-gavle");
    private static final ParticipantId BOLLNAS = ParticipantId.of("socialtjanst.bollnas");
    private static final ParticipantId JONKOPING = ParticipantId.of("socialtjanst.jonkoping");
    private static final String PERSONNUMMER = "640823-3234";
    private static final String MARKER = "canary-7f3a";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
    private static final Pseudonymizer PSEUDONYMIZER = new Pseudonymizer(new byte[32]);

    @TempDir
    static Path dir;
    private static DevPki.Result pki;

    @BeforeAll
    static void createPki() {
        var federation = new FederationLoader().load(Path.of("../deploy/demo/federation.yaml"));
        pki = DevPki.init(federation, dir, DevPki.Options.defaults().withClock(CLOCK));
    }

    private static NoticeComposer composer() {
        char[] password = DevPki.DEFAULT_PASSWORD.toCharArray();
        return new NoticeComposer(FRIVARDEN, PSEUDONYMIZER, Sealing.sealer(pki.keyAccess(FRIVARDEN, password)), CLOCK);
    }

    private static CaseSubmission release(String personnummer) {
        return new CaseSubmission(null, NoticeType.RELEASE_CONTACT_CONSENT,
                List.of(new PersonRef(personnummer, SubjectRole.PERPETRATOR, false)), Purpose.SUPPORT_CONTACT,
                LegalBasisCode.CONSENT, "consent-2026-0042", null,
                Set.of(DataCategory.RELEASE_INFORMATION, DataCategory.CONTACT_DETAILS), List.of(BOLLNAS),
                "kv-case-17", null, null, null, Map.of("plannedRelease", "2026-12-01", "note", MARKER));
    }

    @Test
    void headerCarriesThePseudonymAndTheRecipientOpensThePersonnummer() throws Exception {
        var composed = composer().compose(release(PERSONNUMMER), Map.of(BOLLNAS, pki.certificate(BOLLNAS)));

        String expected = PSEUDONYMIZER.pseudonymize(Personnummer.parse(PERSONNUMMER, CLOCK.instant()
                .atZone(ZoneOffset.UTC).toLocalDate()));
        assertThat(composed.header().subjects()).singleElement()
                .satisfies(s -> assertThat(s.pseudonym()).isEqualTo(expected));
        assertThat(composed.header().bodyDigest()).isNotNull();
        String headerText = new String(composed.sealed().header(), StandardCharsets.UTF_8);
        assertThat(headerText).doesNotContain("640823", "196408233234", MARKER);

        OpenedNotice opened = Sealing.opener().open(composed.sealed(),
                pki.keyAccess(BOLLNAS, DevPki.DEFAULT_PASSWORD.toCharArray()));
        JsonNode payload = new ObjectMapper().readTree(opened.payload());
        assertThat(payload.at("/persons/0/personnummer").asText()).isEqualTo("196408233234");
        assertThat(payload.at("/persons/0/pseudonym").asText()).isEqualTo(expected);
        assertThat(payload.at("/fields/note").asText()).isEqualTo(MARKER);
        assertThat(opened.signer()).isEqualTo(pki.certificate(FRIVARDEN));
    }

    @Test
    void anInvalidPersonnummerIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> composer().compose(release("640823-3235"), Map.of(BOLLNAS, pki.certificate(BOLLNAS))))
                .isInstanceOf(SambandException.class)
                .satisfies(e -> assertThat(((SambandException) e).code()).isEqualTo(ErrorCode.INVALID_PERSONNUMMER))
                .hasMessageNotContaining("640823");
    }

    @Test
    void aRecipientWithoutACertificateIsRefused() {
        var wrongCertificates = Map.of(JONKOPING, pki.certificate(JONKOPING));
        assertThatThrownBy(() -> composer().compose(release(PERSONNUMMER), wrongCertificates))
                .isInstanceOf(SambandException.class)
                .satisfies(e -> assertThat(((SambandException) e).code()).isEqualTo(ErrorCode.NOT_A_RECIPIENT));
    }

    @Test
    void aSubmissionThatBreaksTheHeaderContractIsRefusedBeforeSealing() {
        CaseSubmission noBasis = new CaseSubmission(null, NoticeType.RELEASE_CONTACT_CONSENT,
                List.of(new PersonRef(PERSONNUMMER, SubjectRole.PERPETRATOR, false)), Purpose.SUPPORT_CONTACT,
                null, null, null, Set.of(DataCategory.RELEASE_INFORMATION), List.of(BOLLNAS), null, null, null,
                null, Map.of());
        assertThatThrownBy(() -> composer().compose(noBasis, Map.of(BOLLNAS, pki.certificate(BOLLNAS))))
                .isInstanceOf(SambandException.class)
                .satisfies(e -> assertThat(((SambandException) e).code()).isEqualTo(ErrorCode.MISSING_FIELD));
    }

    @Test
    void toStringsHoldNoPersonalData() {
        CaseSubmission submission = release(PERSONNUMMER);
        assertThat(submission.toString()).doesNotContain("640823", MARKER);
        assertThat(submission.persons().get(0).toString()).doesNotContain("640823");
    }
}
