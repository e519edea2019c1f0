package se.samband.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.samband.connector.local.Problem;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;

class ReleaseListParserTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private final ReleaseListParser parser = new ReleaseListParser();

    private ReleaseListParser.Result parse(String csv) {
        return parser.parse(csv.getBytes(StandardCharsets.UTF_8), TODAY);
    }

    @Test
    void goodAndBadRowsAreToldApartByRowNumberColumnAndRule() {
        var result = parse("""
                noticeType;personnummer;consentId;municipality;releaseDate;releaseTime;contactChannel
                RELEASE_CONTACT_CONSENT;640823-3234;consent-1;2183;2026-12-01;;"Frivården; handläggare"
                RELEASE_EFFECTED;640823-3235;consent-1;2183;2026-12-01;09:30;
                RELEASE_EFFECTED;701063-2391;consent-2;21;01/12/2026;;

                RELEASE_EFFECTED;701063-2391;consent-2;0680;2026-12-02;10:00;phone
                """);

        assertThat(result.fileProblems()).isEmpty();
        assertThat(result.rows()).extracting(ReleaseListParser.Row::number).containsExactly(2, 3, 4, 6);
        var first = result.rows().get(0);
        assertThat(first.valid()).isTrue();
        assertThat(first.submission().submission().type()).isEqualTo(NoticeType.RELEASE_CONTACT_CONSENT);
        assertThat(first.submission().query().queryString()).isEqualTo("kind=SOCIALTJANST&municipality=2183");
        assertThat(first.submission().submission().fields()).containsEntry("contactChannel", "Frivården; handläggare")
                .containsEntry("plannedReleaseDate", "2026-12-01");
        assertThat(result.rows().get(1).problems()).containsExactly(new Problem("checksum", "personnummer"));
        assertThat(result.rows().get(2).problems()).containsExactlyInAnyOrder(
                new Problem("invalid_format", "releaseDate"), new Problem("invalid_format", "municipality"));
        assertThat(result.rows().get(3).valid()).isTrue();
        assertThat(result.rows().get(3).submission().submission().fields()).containsEntry("releaseDate", "2026-12-02");
    }

    @Test
    void theSameFileGivesTheSameNoticeIdsAndAnotherFileOthers() {
        String csv = "noticeType,personnummer,consentId,recipients,releaseDate\n"
                + "RELEASE_EFFECTED,640823-3234,consent-1,socialtjanst.bollnas,2026-12-01\n";
        var once = parse(csv).rows().get(0).submission();
        var again = parse(csv).rows().get(0).submission();
        var other = parse(csv + "RELEASE_EFFECTED,640823-3234,consent-1,socialtjanst.bollnas,2026-12-01\n")
                .rows().get(0).submission();

        assertThat(once.recipients()).containsExactly(ParticipantId.of("socialtjanst.bollnas"));
        assertThat(again.submission().noticeId()).isEqualTo(once.submission().noticeId());
        assertThat(other.submission().noticeId()).isNotEqualTo(once.submission().noticeId());
    }

    @Test
    void aWrongHeaderRejectsTheWholeFile() {
        var result = parse("noticeType;personnr;releaseDate\nRELEASE_EFFECTED;640823-3234;2026-12-01\n");
        assertThat(result.rows()).isEmpty();
        assertThat(result.fileProblems()).contains(new Problem("unknown_column", "personnr"),
                new Problem("missing_column", "personnummer"), new Problem("missing_column", "consentId"),
                new Problem("missing_column", "municipality"));
    }

    @Test
    void aProtectedPersonIsNeverRoutedByMunicipality() {
        var result = parse("noticeType;personnummer;consentId;municipality;releaseDate;protectedIdentity\n"
                + "RELEASE_EFFECTED;640823-3234;consent-1;2183;2026-12-01;ja\n");
        assertThat(result.rows().get(0).problems())
                .containsExactly(new Problem("protected_identity_needs_recipients", "municipality"));
    }
}
