package se.samband.demo.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import se.samband.demo.play.Agency;
import se.samband.demo.play.ConsentSpec;
import se.samband.demo.play.NoticeSpec;
import se.samband.demo.play.Scenario;
import se.samband.demo.play.Stage;
import se.samband.demo.play.TrackedNotice;

/**
 * DOMAIN.md scenario 8. The release notice carries a respond-by a few seconds ahead (instead of five working days),
 * so that the hub's watch escalates while the demo looks on.
 */
public final class NobodyAnswers implements Scenario {
    static final Duration RESPOND_WITHIN = Duration.ofSeconds(8);

    @Override
    public int number() {
        return 8;
    }

    @Override
    public String title() {
        return "Nobody answers";
    }

    @Override
    public String story() {
        return "A release notice is not accepted by its deadline: the hub escalates to the recipient's escalation "
                + "contact and tells the sender — the case does not fall between.";
    }

    @Override
    public void play(Stage stage) {
        Agency frivarden = stage.agency("kriminalvarden.frivard-skovde");
        Agency falkoping = stage.agency("socialtjanst.falkoping");
        Agency onCall = stage.agency("socialtjanst.skovde");

        String consent = frivarden.registerConsent(ConsentSpec.of(stage.consentId("c-falkoping-release"),
                        People.FALKOPING_CLIENT)
                .from(frivarden.id()).to(falkoping.id())
                .types("RELEASE_CONTACT_CONSENT").categories("RELEASE_INFORMATION", "CONTACT_DETAILS")
                .purposes("SUPPORT_CONTACT")
                .recordedBy("Frivårdsinspektör", "WRITTEN"));
        Instant respondBy = stage.now().plus(RESPOND_WITHIN).truncatedTo(ChronoUnit.SECONDS);
        TrackedNotice release = frivarden.send("contact before release", NoticeSpec.of("RELEASE_CONTACT_CONSENT")
                .toWhoServes("SOCIALTJANST", "municipality", "1499")
                .about(People.FALKOPING_CLIENT, "PERPETRATOR")
                .purpose("SUPPORT_CONTACT").categories("RELEASE_INFORMATION", "CONTACT_DETAILS")
                .consent(consent).caseRef("KV-SKO-2026-0144")
                .respondBy(respondBy)
                .field("plannedReleaseDate", stage.now().plusSeconds(3 * 86_400).toString().substring(0, 10))
                .field("probationContact", "Frivårdsinspektör i tjänst, Frivården Skövde")
                .field("riskAssessmentExists", false));
        stage.expect("Falköping's connector confirms receipt", "RECEIVED",
                release.awaitOutcome(falkoping.id(), "RECEIVED", "ACCEPTED", "HELD", "DENIED"));

        // Nobody at Falköping accepts. The watch escalates once the respond-by time has passed.
        Duration patience = RESPOND_WITHIN.plus(stage.patience()).plus(stage.patience());
        stage.expect("the sender learns that the handover is overdue", "ESCALATED",
                release.awaitOutcome(falkoping.id(), patience, "ESCALATED", "ACCEPTED"));
        boolean contacted = onCall.awaitHubNotice("ESCALATION", "overdue: " + release.label(), stage.patience(),
                release.noticeId()).isPresent();
        stage.expectThat("Socialjouren Skaraborg, Falköping's escalation contact, gets the escalation", contacted,
                contacted ? "ESCALATION in its inbox" : "nothing in its inbox");
    }
}
