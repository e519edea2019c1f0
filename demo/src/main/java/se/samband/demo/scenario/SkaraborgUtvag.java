package se.samband.demo.scenario;

import java.util.Locale;
import se.samband.demo.play.Agency;
import se.samband.demo.play.ConsentSpec;
import se.samband.demo.play.NoticeSpec;
import se.samband.demo.play.Scenario;
import se.samband.demo.play.Stage;
import se.samband.demo.play.TrackedNotice;

/** DOMAIN.md scenario 5. */
public final class SkaraborgUtvag implements Scenario {

    @Override
    public int number() {
        return 5;
    }

    @Override
    public String title() {
        return "Skaraborg, Utväg";
    }

    @Override
    public String story() {
        return "Frivården refers a client to the regional treatment unit; the unit reports treatment started, then "
                + "ended (status only).";
    }

    @Override
    public void play(Stage stage) {
        Agency frivarden = stage.agency("kriminalvarden.frivard-skovde");
        Agency utvag = stage.agency("region.utvag-skaraborg");

        String referralConsent = frivarden.registerConsent(ConsentSpec.of(stage.consentId("c-skaraborg-referral"),
                        People.SKARABORG_CLIENT)
                .from(frivarden.id()).to(utvag.id())
                .types("TREATMENT_REFERRAL").categories("REFERRAL", "CONTACT_DETAILS").purposes("TREATMENT")
                .recordedBy("Frivårdsinspektör", "WRITTEN"));
        TrackedNotice referral = frivarden.send("treatment referral", NoticeSpec.of("TREATMENT_REFERRAL")
                .toWhoServes("HALSO_SJUKVARD", "hsaId", "SE2321000131-UTVAG1")
                .about(People.SKARABORG_CLIENT, "PERPETRATOR")
                .purpose("TREATMENT").categories("REFERRAL", "CONTACT_DETAILS")
                .consent(referralConsent).caseRef("KV-SKO-2026-0091")
                .field("reason", "Behandling för våldsutövare")
                .field("contact", "Frivårdsinspektör, Frivården Skövde"));
        stage.expect("Utväg accepts the referral", "ACCEPTED", stage.acceptedBy(referral, utvag));

        String statusConsent = utvag.registerConsent(ConsentSpec.of(stage.consentId("c-skaraborg-status"),
                        People.SKARABORG_CLIENT)
                .from(utvag.id()).to(frivarden.id())
                .types("TREATMENT_STATUS").categories("TREATMENT_STATUS").purposes("TREATMENT")
                .recordedBy("Behandlare, Utväg", "WRITTEN"));
        for (String status : new String[] {"STARTED", "ENDED"}) {
            TrackedNotice report = utvag.send("treatment " + status.toLowerCase(Locale.ROOT),
                    NoticeSpec.of("TREATMENT_STATUS")
                            .to(frivarden.id())
                            .about(People.SKARABORG_CLIENT, "PERPETRATOR")
                            .purpose("TREATMENT").categories("TREATMENT_STATUS")
                            .consent(statusConsent).caseRef("KV-SKO-2026-0091")
                            .field("status", status)
                            .field("date", stage.now().toString().substring(0, 10)));
            stage.expect("Frivården accepts the status report " + status, "ACCEPTED",
                    stage.acceptedBy(report, frivarden));
        }
    }
}
