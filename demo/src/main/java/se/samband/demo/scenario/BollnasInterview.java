package se.samband.demo.scenario;

import se.samband.demo.play.Agency;
import se.samband.demo.play.ConsentSpec;
import se.samband.demo.play.NoticeSpec;
import se.samband.demo.play.Scenario;
import se.samband.demo.play.Stage;
import se.samband.demo.play.TrackedNotice;

/** DOMAIN.md scenario 2. */
public final class BollnasInterview implements Scenario {

    @Override
    public int number() {
        return 2;
    }

    @Override
    public String title() {
        return "Bollnäs, after an interview";
    }

    @Override
    public String story() {
        return "The police interview a suspect; with his consent they notify social services, who accept and meet "
                + "him right after the interview.";
    }

    @Override
    public void play(Stage stage) {
        Agency police = stage.agency("polisen.gavleborg");
        Agency social = stage.agency("socialtjanst.bollnas");

        String consent = police.registerConsent(ConsentSpec.of(stage.consentId("c-bollnas-interview"),
                        People.BOLLNAS_SUSPECT)
                .from(police.id()).to(social.id())
                .types("POST_INTERVIEW_SUPPORT_OFFER").categories("CONTACT_DETAILS", "HOUSEHOLD")
                .purposes("SUPPORT_CONTACT")
                .recordedBy("Förhörsledare", "ORAL"));
        TrackedNotice offer = police.send("support offer", NoticeSpec.of("POST_INTERVIEW_SUPPORT_OFFER")
                .toWhoServes("SOCIALTJANST", "municipality", "2183")
                .about(People.BOLLNAS_SUSPECT, "PERPETRATOR")
                .purpose("SUPPORT_CONTACT").categories("CONTACT_DETAILS", "HOUSEHOLD")
                .consent(consent).caseRef("POL-2026-5000-K123")
                .field("interviewTime", stage.now().toString())
                .field("phone", "070-000 00 00")
                .field("interpreterNeeded", false)
                .field("childrenInHousehold", true));
        stage.expect("social services accept the support offer", "ACCEPTED", stage.acceptedBy(offer, social));
    }
}
