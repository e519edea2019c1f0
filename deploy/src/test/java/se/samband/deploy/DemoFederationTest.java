package se.samband.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.ParticipantKind;
import se.samband.security.federation.Federation;
import se.samband.security.federation.FederationLoader;

class DemoFederationTest {

    private Federation load() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/samband/demo/federation.yaml")) {
            assertThat(in).as("demo federation on the classpath").isNotNull();
            return new FederationLoader().load(in, "demo federation");
        }
    }

    @Test
    void demoFederationIsValidAndHoldsEveryScenarioParticipant() throws Exception {
        Federation federation = load();
        assertThat(federation.participants()).extracting(p -> p.id().value()).contains(
                "samband.hub", "kriminalvarden.frivard-gavle", "socialtjanst.bollnas", "polisen.gavleborg",
                "region.gavleborg-psykiatri", "region.bollnas-halsocentral", "socialtjanst.jonkoping",
                "polisen.jonkoping", "socialtjanst.varberg", "samverkan.halland-gruppprogram",
                "kriminalvarden.frivard-skovde", "region.utvag-skaraborg", "kriminalvarden.frivard-jonkoping",
                "polisen.halland", "samverkan.atv-jonkoping", "aklagare.aklagarmyndigheten",
                "socialtjanst.falkoping");
        assertThat(federation.hub().kind()).isEqualTo(ParticipantKind.HUB);
    }

    @Test
    void hallandJointProgrammeServesAllSixMunicipalities() throws Exception {
        Federation federation = load();
        for (String kommun : new String[] {"1384", "1383", "1382", "1315", "1380", "1381"}) {
            assertThat(federation.serving(ParticipantKind.SAMVERKAN, kommun, "GROUP_PROGRAMME"))
                    .extracting(p -> p.id().value()).containsExactly("samverkan.halland-gruppprogram");
            assertThat(federation.serving(ParticipantKind.SOCIALTJANST, kommun, null)).hasSize(1);
        }
    }

    @Test
    void bollnasSocialServicesAreFoundByKommunkod() throws Exception {
        Federation federation = load();
        assertThat(federation.serving(ParticipantKind.SOCIALTJANST, "2183", null))
                .extracting(p -> p.id()).containsExactly(ParticipantId.of("socialtjanst.bollnas"));
        // Region Gävleborg's psychiatry serves the whole county, Bollnäs included.
        assertThat(federation.serving(ParticipantKind.HALSO_SJUKVARD, "2183", "PSYCHIATRY"))
                .extracting(p -> p.id().value()).containsExactly("region.gavleborg-psykiatri");
    }

    @Test
    void everyCaseNoticeTypeHasARouteARespondByAndTheTableCoversEveryBasis() throws Exception {
        Federation federation = load();
        for (NoticeType type : NoticeType.values()) {
            if (type.isCaseNotice()) {
                assertThat(federation.routing()).as("route for " + type).anyMatch(r -> r.types().contains(type));
                assertThat(federation.respondBy(type)).as("respond-by for " + type).isPresent();
            }
        }
        EnumSet<LegalBasisCode> defined = EnumSet.noneOf(LegalBasisCode.class);
        federation.legalBases().bases().forEach(b -> defined.add(b.code()));
        assertThat(defined).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(LegalBasisCode.class));
    }

    @Test
    void preventIpvOnlyReachesThePolice() throws Exception {
        var rule = load().legalBases().rule(LegalBasisCode.PREVENT_IPV_18C).orElseThrow();
        assertThat(rule.recipients()).containsExactly(ParticipantKind.POLISEN);
        assertThat(rule.senders())
                .containsExactlyInAnyOrder(ParticipantKind.SOCIALTJANST, ParticipantKind.HALSO_SJUKVARD);
    }

    @Test
    void everyEscalationContactIsAParticipantAndSkaraborgEscalatesToTheJointOnCallInSkovde() throws Exception {
        Federation federation = load();
        federation.participants().stream().filter(p -> p.kind() != ParticipantKind.HUB).forEach(p -> {
            assertThat(p.escalation()).as("escalation contact of " + p.id()).isNotNull();
            assertThat(federation.participant(p.escalation().participant())).as("contact of " + p.id()).isPresent();
        });
        for (String kommun : new String[] {"1496", "1499", "1494", "1493", "1495"}) {
            var social = federation.serving(ParticipantKind.SOCIALTJANST, kommun, null);
            assertThat(social).as(kommun).hasSize(1);
            assertThat(social.get(0).escalation().participant().value()).isEqualTo("socialtjanst.skovde");
        }
    }
}
