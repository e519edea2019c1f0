package se.samband.demo.scenario;

import java.util.List;
import se.samband.demo.play.Agency;
import se.samband.demo.play.ConsentSpec;
import se.samband.demo.play.NoticeSpec;
import se.samband.demo.play.Scenario;
import se.samband.demo.play.Stage;
import se.samband.demo.play.TrackedNotice;

/**
 * DOMAIN.md scenario 7. The notice "already queued" is one the hub holds for an operator because it names a person
 * with protected identity (the manual routing queue): it is still undelivered when the client withdraws.
 */
public final class ConsentWithdrawn implements Scenario {

    @Override
    public int number() {
        return 7;
    }

    @Override
    public String title() {
        return "Consent withdrawn";
    }

    @Override
    public String story() {
        return "A client withdraws consent; a notice already queued is held back and recipients of earlier notices "
                + "get CONSENT_WITHDRAWN.";
    }

    @Override
    public void play(Stage stage) {
        Agency frivarden = stage.agency("kriminalvarden.frivard-jonkoping");
        Agency social = stage.agency("socialtjanst.jonkoping");

        String consent = frivarden.registerConsent(ConsentSpec.of(stage.consentId("c-jonkoping-release"),
                        People.JONKOPING_CLIENT)
                .from(frivarden.id()).to(social.id())
                .types("RELEASE_CONTACT_CONSENT", "RELEASE_EFFECTED")
                .categories("RELEASE_INFORMATION", "CONTACT_DETAILS")
                .purposes("SUPPORT_CONTACT")
                .recordedBy("Frivårdsinspektör", "WRITTEN"));
        TrackedNotice earlier = frivarden.send("contact before release", NoticeSpec.of("RELEASE_CONTACT_CONSENT")
                .toWhoServes("SOCIALTJANST", "municipality", "0680")
                .about(People.JONKOPING_CLIENT, "PERPETRATOR")
                .purpose("SUPPORT_CONTACT").categories("RELEASE_INFORMATION", "CONTACT_DETAILS")
                .consent(consent).caseRef("KV-JKP-2026-0215")
                .field("plannedReleaseDate", stage.now().plusSeconds(7 * 86_400).toString().substring(0, 10))
                .field("probationContact", "Frivårdsinspektör i tjänst, Frivården Jönköping")
                .field("riskAssessmentExists", true));
        stage.expect("social services accept the earlier notice", "ACCEPTED", stage.acceptedBy(earlier, social));

        TrackedNotice queued = frivarden.send("release effected", NoticeSpec.of("RELEASE_EFFECTED")
                .toWhoServes("SOCIALTJANST", "municipality", "0680")
                .about(People.JONKOPING_CLIENT, "PERPETRATOR")
                .related(People.JONKOPING_PROTECTED_VICTIM, "VICTIM", true)
                .purpose("SUPPORT_CONTACT").categories("RELEASE_INFORMATION", "CONTACT_DETAILS")
                .consent(consent).caseRef("KV-JKP-2026-0215")
                .field("releasedAt", stage.now().toString())
                .field("contactChannel", "telefon via Frivården"));
        stage.expect("the notice naming a protected person waits in the manual routing queue", "HELD",
                queued.awaitOutcome(social.id(), "HELD", "DENIED", "RECEIVED", "ACCEPTED"));

        frivarden.withdrawConsent(consent, "PHONE");
        boolean told = social.awaitHubNotice("CONSENT_WITHDRAWN", "consent " + consent, stage.patience(), consent)
                .isPresent();
        stage.expectThat("the recipient of the earlier notice gets CONSENT_WITHDRAWN", told,
                told ? "CONSENT_WITHDRAWN in its inbox" : "nothing in its inbox");
        queued.refresh();
        String after = queued.outcomes().getOrDefault(social.id(), "NONE");
        stage.expectThat("the queued notice is held back, never delivered",
                List.of("HELD", "DENIED").contains(after) && !social.hasReceived(queued), after);
    }
}
