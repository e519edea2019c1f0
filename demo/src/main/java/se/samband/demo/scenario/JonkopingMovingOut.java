package se.samband.demo.scenario;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import se.samband.demo.play.Agency;
import se.samband.demo.play.ConsentSpec;
import se.samband.demo.play.NoticeSpec;
import se.samband.demo.play.Scenario;
import se.samband.demo.play.Stage;
import se.samband.demo.play.TrackedNotice;

/** DOMAIN.md scenario 3. */
public final class JonkopingMovingOut implements Scenario {
    /** Clearing the flag releases the held notice at once; the held store's sweep would at the latest. */
    private static final Duration RELEASE_PATIENCE = Duration.ofSeconds(60);

    @Override
    public int number() {
        return 3;
    }

    @Override
    public String title() {
        return "Jönköping, moving out";
    }

    @Override
    public String story() {
        return "Social services work to have the perpetrator, not the victim and children, leave the shared home; a "
                + "risk assessment says contact is unsafe until a date, so the police's support offer is held, then "
                + "released when the flag ends.";
    }

    @Override
    public void play(Stage stage) {
        Agency social = stage.agency("socialtjanst.jonkoping");
        Agency police = stage.agency("polisen.jonkoping");

        TrackedNotice assessment = social.send("risk assessment", NoticeSpec.of("RISK_ASSESSMENT_SHARED")
                .to(police.id())
                .about(People.JONKOPING_PERPETRATOR, "PERPETRATOR")
                .related(People.JONKOPING_VICTIM, "VICTIM", false)
                .purpose("VIOLENCE_PREVENTION").categories("RISK_ASSESSMENT", "HOUSEHOLD")
                .basis("PREVENT_IPV_18C").caseRef("SOC-JKP-2026-0871")
                .field("instrument", "FREDA")
                .field("date", stage.now().toString().substring(0, 10))
                .field("level", "HIGH")
                .field("contactPerpetratorSafe", false)
                .field("holdUntil", stage.now().plus(14, ChronoUnit.DAYS).toString().substring(0, 10)));
        stage.expect("the police accept the risk assessment (18 c, for review)", "ACCEPTED",
                stage.acceptedBy(assessment, police));

        String flag = social.setRiskFlag(People.JONKOPING_PERPETRATOR, stage.now().plus(14, ChronoUnit.DAYS),
                "CONTACT_UNSAFE");

        String consent = police.registerConsent(ConsentSpec.of(stage.consentId("c-jonkoping-support"),
                        People.JONKOPING_PERPETRATOR)
                .from(police.id()).to(social.id())
                .types("POST_INTERVIEW_SUPPORT_OFFER").categories("CONTACT_DETAILS")
                .purposes("SUPPORT_CONTACT")
                .recordedBy("Förhörsledare", "ORAL"));
        TrackedNotice offer = police.send("support offer", NoticeSpec.of("POST_INTERVIEW_SUPPORT_OFFER")
                .toWhoServes("SOCIALTJANST", "municipality", "0680")
                .about(People.JONKOPING_PERPETRATOR, "PERPETRATOR")
                .purpose("SUPPORT_CONTACT").categories("CONTACT_DETAILS")
                .consent(consent).caseRef("POL-2026-0600-K77")
                .field("interviewTime", stage.now().toString())
                .field("interpreterNeeded", true));
        stage.expect("the support offer is held while contact is unsafe", "HELD",
                offer.awaitOutcome(social.id(), "HELD", "DENIED", "DELIVERED", "RECEIVED", "ACCEPTED"));
        stage.expectThat("social services have not been given the held offer", !social.hasReceived(offer),
                social.hasReceived(offer) ? "it is in their inbox" : "not in their inbox");

        // He has moved out and the risk is assessed anew: social services end the flag before its date.
        social.clearRiskFlag(flag, "the perpetrator has moved out");
        String released = offer.awaitOutcome(social.id(), RELEASE_PATIENCE, "RECEIVED", "ACCEPTED", "DENIED");
        stage.expectThat("the offer is released when the flag ends",
                List.of("RECEIVED", "ACCEPTED").contains(released), released);
        stage.expect("social services accept the released offer", "ACCEPTED", stage.acceptedBy(offer, social));
    }
}
