package se.samband.connector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.samband.connector.hubclient.HubApi;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.ParticipantKind;

/** The six agency profiles: their defaults, and the refusal of a profile that is not the participant's kind. */
class AgencyProfilesTest {
    private static final Path FEDERATION = Path.of("../deploy/demo/federation.yaml");
    private static final Path EXAMPLES = Path.of("examples");

    static List<String> profiles() {
        return AgencyProfiles.NAMES;
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void eachProfileSetsItsKindAndOnlyCaseNoticeTypes(String profile) {
        ConnectorProperties properties = ProfileProperties.bind(profile);

        assertThat(properties.kind()).isEqualTo(AgencyProfiles.kindOf(profile));
        assertThat(AgencyProfiles.profileOf(properties.kind())).isEqualTo(profile);
        assertThat(properties.rules().noticeTypes()).isNotEmpty()
                .allMatch(NoticeType::isCaseNotice);
        // only the police and social services may set risk flags (the hub's rule, routes/README.md)
        assertThat(properties.rules().riskFlags())
                .isEqualTo(properties.kind() == ParticipantKind.POLISEN
                        || properties.kind() == ParticipantKind.SOCIALTJANST);
    }

    @Test
    void withoutAProfileNothingIsRestrictedAndNothingExtraRuns() {
        ConnectorProperties properties = ProfileProperties.bind(null);

        assertThat(properties.kind()).isNull();
        assertThat(properties.rules().noticeTypes()).isEmpty();
        assertThat(properties.rules().riskFlags()).isTrue();
        assertThat(properties.fileDrop().enabled()).isFalse();
        assertThat(properties.delivery().mode()).isEqualTo(ConnectorProperties.DeliveryMode.PULL);
    }

    @Test
    void kriminalvardenTurnsOnTheReleaseListDrop() {
        ConnectorProperties properties = ProfileProperties.bind("kriminalvarden");

        assertThat(properties.fileDrop().enabled()).isTrue();
        assertThat(properties.fileDrop().folder().normalize()).isEqualTo(Path.of("connector-data/release-lists"));
        assertThat(properties.rules().noticeTypes())
                .contains(NoticeType.RELEASE_CONTACT_CONSENT, NoticeType.RELEASE_EFFECTED)
                .doesNotContain(NoticeType.POST_INTERVIEW_SUPPORT_OFFER, NoticeType.IPV_PREVENTION_ALERT);
        assertThat(ProfileProperties.bind("polisen").fileDrop().enabled()).isFalse();
    }

    @Test
    void healthcareDeliversToAFolderAndNamesHealthcareByHsaId() {
        ConnectorProperties properties = ProfileProperties.bind("halso-sjukvard");

        assertThat(properties.delivery().mode()).isEqualTo(ConnectorProperties.DeliveryMode.FOLDER);
        assertThat(properties.delivery().folder().normalize()).isEqualTo(Path.of("connector-data/inbox"));
        assertThat(properties.rules().hsaIdForHealthcare()).isTrue();
        assertThat(properties.rules().noticeTypes()).contains(NoticeType.TREATMENT_STATUS)
                .doesNotContain(NoticeType.TREATMENT_REFERRAL, NoticeType.RELEASE_CONTACT_CONSENT);
        assertThat(ProfileProperties.bind("socialtjanst").rules().hsaIdForHealthcare()).isFalse();
    }

    @Test
    void anOperatorFileOverridesTheProfileDefaults() throws IOException {
        Path file = Files.createTempFile("connector", ".yml");
        try {
            Files.writeString(file, "samband:\n  connector:\n    data-dir: /srv/kv\n    delivery:\n      mode: PULL\n");
            ConnectorProperties properties = ProfileProperties.bind("halso-sjukvard", file);

            assertThat(properties.delivery().mode()).isEqualTo(ConnectorProperties.DeliveryMode.PULL);
            assertThat(properties.kind()).isEqualTo(ParticipantKind.HALSO_SJUKVARD);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aProfileOfAnotherKindThanTheParticipantsIsRefused() {
        ParticipantId bollnas = ParticipantId.of("socialtjanst.bollnas");
        ParticipantKind actual = AgencyProfiles.kindInFederation(FEDERATION, bollnas);

        assertThat(actual).isEqualTo(ParticipantKind.SOCIALTJANST);
        AgencyProfiles.requireKind(bollnas, ParticipantKind.SOCIALTJANST, actual, "federation file");
        assertThatThrownBy(() -> AgencyProfiles.requireKind(bollnas, ParticipantKind.POLISEN, actual,
                "federation file"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("socialtjanst.bollnas is of kind SOCIALTJANST")
                .hasMessageContaining("'polisen' (POLISEN)")
                .hasMessageContaining("--spring.profiles.active=socialtjanst");
    }

    @Test
    void aHealthcareParticipantIsKnownByItsKindNotItsIdsPrefix() {
        assertThat(AgencyProfiles.kindInFederation(FEDERATION, ParticipantId.of("region.gavleborg-psykiatri")))
                .isEqualTo(ParticipantKind.HALSO_SJUKVARD);
    }

    /** Without a federation file the hub's directory says the kind; a hub that cannot be reached does not stop a start. */
    @Test
    void theHubsDirectoryStatesTheKindWhenItAnswers() throws Exception {
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            boolean known = exchange.getRequestURI().getPath()
                    .equals("/api/v1/directory/participants/region.gavleborg-psykiatri");
            byte[] body = (known ? "{\"id\":\"region.gavleborg-psykiatri\",\"kind\":\"HALSO_SJUKVARD\"}"
                    : "{\"code\":\"participant_unknown\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        HubApi hub = new HubApi(URI.create("http://127.0.0.1:" + stub.getAddress().getPort()),
                SSLContext.getDefault());
        try {
            assertThat(AgencyProfiles.kindInDirectory(hub, ParticipantId.of("region.gavleborg-psykiatri")))
                    .contains(ParticipantKind.HALSO_SJUKVARD);
            assertThatThrownBy(() -> AgencyProfiles.kindInDirectory(hub, ParticipantId.of("polisen.mars")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not know participant polisen.mars");
        } finally {
            stub.stop(0);
        }
        assertThat(AgencyProfiles.kindInDirectory(hub, ParticipantId.of("region.gavleborg-psykiatri")))
                .isEqualTo(Optional.empty());
    }

    @Test
    void aParticipantTheFederationDoesNotNameIsRefused() {
        assertThatThrownBy(() -> AgencyProfiles.kindInFederation(FEDERATION, ParticipantId.of("polisen.mars")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("polisen.mars is not in the federation file");
    }

    @Test
    void oneAgencyProfileAtATimeAndItsKindCannotBeOverridden() {
        assertThat(AgencyProfiles.activeProfile(List.of("dev"), null)).isEmpty();
        assertThat(AgencyProfiles.activeProfile(List.of("dev", "polisen"), ParticipantKind.POLISEN))
                .contains("polisen");
        assertThatThrownBy(() -> AgencyProfiles.activeProfile(List.of("polisen", "socialtjanst"),
                ParticipantKind.SOCIALTJANST))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("more than one agency profile");
        assertThatThrownBy(() -> AgencyProfiles.activeProfile(List.of("polisen"), ParticipantKind.SOCIALTJANST))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'polisen' is for POLISEN but samband.connector.kind is SOCIALTJANST");
        assertThatThrownBy(() -> AgencyProfiles.activeProfile(List.of(), ParticipantKind.AKLAGARE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--spring.profiles.active=aklagare");
    }

    /** Each example in connectors/examples binds with its profile and names a participant of that kind. */
    @Test
    void everyExampleRunsTheProfileOfItsParticipantsKind() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            examples = files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(examples).extracting(f -> f.getFileName().toString().replace(".yml", ""))
                .containsExactlyInAnyOrderElementsOf(AgencyProfiles.NAMES);
        for (Path example : examples) {
            String profile = ProfileProperties.property(example, "spring.profiles.active");
            ConnectorProperties properties = ProfileProperties.bind(profile, example);
            ParticipantId self = ParticipantId.of(properties.participantId());

            assertThat(properties.kind()).as(example.toString()).isEqualTo(AgencyProfiles.kindOf(profile));
            assertThat(AgencyProfiles.kindInFederation(Path.of("..").resolve(properties.federationFile()), self))
                    .as(example.toString()).isEqualTo(properties.kind());
            assertThat(properties.pki().password()).isEqualTo("samband-dev");
        }
    }
}
