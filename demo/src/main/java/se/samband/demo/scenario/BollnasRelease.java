package se.samband.demo.scenario;

import se.samband.demo.play.Agency;
import se.samband.demo.play.ConsentSpec;
import se.samband.demo.play.NoticeSpec;
import se.samband.demo.play.Scenario;
import se.samband.demo.play.Stage;
import se.samband.demo.play.TrackedNotice;

/** DOMAIN.md scenario 1. */
public final class BollnasRelease implements Scenario {

    @Override
    public int number() {
        return 1;
    }

    @Override
    public String title() {
        return "Bollnäs, release";
    }

    @Override
    public String story() {
        return "Frivården asks a client before release whether the joint unit may contact him; he consents; at "
                + "release the unit is notified, convenes a case conference with police, the health centre and "
                + "psychiatry; each confirms; psychiatry accepts a treatment referral.";
    }

    @Override
    public void play(Stage stage) {
        Agency frivarden = stage.agency("kriminalvarden.frivard-gavle");
        Agency unit = stage.agency("socialtjanst.bollnas");
        Agency police = stage.agency("polisen.gavleborg");
        Agency healthCentre = stage.agency("region.bollnas-halsocentral");
        Agency psychiatry = stage.agency("region.gavleborg-psykiatri");

        String release = frivarden.registerConsent(ConsentSpec.of(stage.consentId("c-bollnas-release"),
                        People.BOLLNAS_CLIENT)
                .from(frivarden.id()).to(unit.id())
                .types("RELEASE_CONTACT_CONSENT", "RELEASE_EFFECTED")
                .categories("RELEASE_INFORMATION", "CONTACT_DETAILS", "RISK_ASSESSMENT")
                .purposes("SUPPORT_CONTACT")
                .recordedBy("Frivårdsinspektör", "WRITTEN"));
        TrackedNotice ask = frivarden.send("contact before release", NoticeSpec.of("RELEASE_CONTACT_CONSENT")
                .toWhoServes("SOCIALTJANST", "municipality", "2183")
                .about(People.BOLLNAS_CLIENT, "PERPETRATOR")
                .purpose("SUPPORT_CONTACT").categories("RELEASE_INFORMATION", "CONTACT_DETAILS", "RISK_ASSESSMENT")
                .consent(release).caseRef("KV-GAV-2026-0412")
                .field("plannedReleaseDate", stage.now().plusSeconds(14 * 86_400).toString().substring(0, 10))
                .field("probationContact", "Frivårdsinspektör i tjänst, Frivården Gävle")
                .field("riskAssessmentExists", true));
        stage.expect("the joint unit accepts the contact notice", "ACCEPTED", stage.acceptedBy(ask, unit));

        TrackedNotice released = frivarden.send("release effected", NoticeSpec.of("RELEASE_EFFECTED")
                .toWhoServes("SOCIALTJANST", "municipality", "2183")
                .about(People.BOLLNAS_CLIENT, "PERPETRATOR")
                .purpose("SUPPORT_CONTACT").categories("RELEASE_INFORMATION", "CONTACT_DETAILS")
                .consent(release).caseRef("KV-GAV-2026-0412")
                .field("releasedAt", stage.now().toString())
                .field("contactChannel", "telefon via Frivården"));
        stage.expect("the joint unit accepts the release notice", "ACCEPTED", stage.acceptedBy(released, unit));

        String conference = unit.registerConsent(ConsentSpec.of(stage.consentId("c-bollnas-conference"),
                        People.BOLLNAS_CLIENT)
                .from(unit.id()).to(police.id(), healthCentre.id(), psychiatry.id())
                .types("CASE_CONFERENCE_INVITE", "TREATMENT_REFERRAL")
                .categories("CASE_CONFERENCE", "CONTACT_DETAILS", "REFERRAL")
                .purposes("CASE_COORDINATION", "TREATMENT")
                .recordedBy("Socialsekreterare, Trygghetens hus", "WRITTEN"));
        TrackedNotice invite = unit.send("case conference", NoticeSpec.of("CASE_CONFERENCE_INVITE")
                .to(police.id(), healthCentre.id(), psychiatry.id())
                .about(People.BOLLNAS_CLIENT, "PERPETRATOR")
                .purpose("CASE_COORDINATION").categories("CASE_CONFERENCE", "CONTACT_DETAILS")
                .consent(conference).caseRef("TH-BOL-2026-117")
                .field("time", stage.now().plusSeconds(2 * 86_400).toString())
                .field("place", "Trygghetens hus, Bollnäs")
                .field("agenda", "Samordnad planering efter frigivning"));
        for (Agency invited : new Agency[] {police, healthCentre, psychiatry}) {
            stage.expect(invited.name() + " confirms the case conference", "ACCEPTED",
                    stage.acceptedBy(invite, invited));
        }

        TrackedNotice referral = unit.send("treatment referral", NoticeSpec.of("TREATMENT_REFERRAL")
                .toWhoServes("HALSO_SJUKVARD", "hsaId", "SE2321000198-PSYK01")
                .about(People.BOLLNAS_CLIENT, "PERPETRATOR")
                .purpose("TREATMENT").categories("REFERRAL", "CONTACT_DETAILS")
                .consent(conference).caseRef("TH-BOL-2026-117")
                .field("reason", "Behandling efter våld i nära relation")
                .field("contact", "Socialsekreterare, Trygghetens hus"));
        stage.expect("psychiatry accepts the treatment referral", "ACCEPTED", stage.acceptedBy(referral, psychiatry));
    }
}
