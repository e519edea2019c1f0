package se.samband.demo.scenario;

import se.samband.demo.play.Agency;
import se.samband.demo.play.ConsentSpec;
import se.samband.demo.play.NoticeSpec;
import se.samband.demo.play.Scenario;
import se.samband.demo.play.Stage;
import se.samband.demo.play.TrackedNotice;

/** DOMAIN.md scenario 4. */
public final class HallandJointProgramme implements Scenario {

    @Override
    public int number() {
        return 4;
    }

    @Override
    public String title() {
        return "Halland, joint programme";
    }

    @Override
    public String story() {
        return "Varberg's social services decide on an intervention and refer the client to the six "
                + "municipalities' joint group programme, which accepts.";
    }

    @Override
    public void play(Stage stage) {
        Agency varberg = stage.agency("socialtjanst.varberg");
        Agency programme = stage.agency("samverkan.halland-gruppprogram");

        String consent = varberg.registerConsent(ConsentSpec.of(stage.consentId("c-varberg-programme"),
                        People.VARBERG_CLIENT)
                .from(varberg.id()).to(programme.id())
                .types("GROUP_PROGRAMME_REFERRAL")
                .categories("SOCIAL_SERVICES_DECISION", "LANGUAGE_NEEDS", "RISK_ASSESSMENT")
                .purposes("TREATMENT")
                .recordedBy("Socialsekreterare, våld i nära relationer", "E_SIGNED"));
        TrackedNotice referral = varberg.send("programme referral", NoticeSpec.of("GROUP_PROGRAMME_REFERRAL")
                .toWhoServes("SAMVERKAN", "municipality", "1383").where("service", "GROUP_PROGRAMME")
                .about(People.VARBERG_CLIENT, "PERPETRATOR")
                .purpose("TREATMENT").categories("SOCIAL_SERVICES_DECISION", "LANGUAGE_NEEDS", "RISK_ASSESSMENT")
                .consent(consent).caseRef("VBG-IFO-2026-0339")
                .field("decisionReference", "Beslut enligt SoL, insats gruppbehandling")
                .field("language", "sv")
                .field("availability", "kvällar")
                .field("riskSummary", "MEDIUM"));
        stage.expect("the joint programme accepts the referral", "ACCEPTED", stage.acceptedBy(referral, programme));
    }
}
