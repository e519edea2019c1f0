package se.samband.demo.scenario;

import se.samband.demo.play.Agency;
import se.samband.demo.play.NoticeSpec;
import se.samband.demo.play.Scenario;
import se.samband.demo.play.Stage;
import se.samband.demo.play.TrackedNotice;

/** DOMAIN.md scenario 6. */
public final class ChildConcern implements Scenario {

    @Override
    public int number() {
        return 6;
    }

    @Override
    public String title() {
        return "Child concern";
    }

    @Override
    public String story() {
        return "The police report concern for a child who witnessed violence to the child's municipality: delivered "
                + "without consent on DUTY_CHILD_CONCERN, flagged to nobody.";
    }

    @Override
    public void play(Stage stage) {
        Agency police = stage.agency("polisen.halland");
        Agency halmstad = stage.agency("socialtjanst.halmstad");

        TrackedNotice report = police.send("child concern", NoticeSpec.of("CHILD_CONCERN_REPORT")
                .toWhoServes("SOCIALTJANST", "municipality", "1380")
                .about(People.HALMSTAD_CHILD, "CHILD")
                .related(People.HALMSTAD_GUARDIAN, "PERPETRATOR", false)
                .purpose("CHILD_PROTECTION").categories("CHILD_WELFARE", "HOUSEHOLD")
                .basis("DUTY_CHILD_CONCERN").caseRef("POL-2026-1300-K55")
                .field("concern", "Barnet bevittnade våld i hemmet")
                .field("witnessedViolence", true)
                .field("reporter", "Polisen Halland, ingripandeverksamheten"));
        String receipt = report.awaitOutcome(halmstad.id(), "RECEIVED", "ACCEPTED", "HELD", "DENIED");
        stage.expectThat("delivered at once without consent, never held",
                !report.history(halmstad.id()).contains("HELD") && !"DENIED".equals(receipt), receipt);
        stage.expect("Halmstad confirms receipt at once", "RECEIVED", receipt);
        stage.expect("Halmstad's social services accept the report", "ACCEPTED", stage.acceptedBy(report, halmstad));
    }
}
