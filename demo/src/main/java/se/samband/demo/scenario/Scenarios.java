package se.samband.demo.scenario;

import java.util.List;
import se.samband.demo.play.Scenario;

/** The eight scenarios of DOMAIN.md, in its order. */
public final class Scenarios {

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return List.of(new BollnasRelease(), new BollnasInterview(), new JonkopingMovingOut(),
                new HallandJointProgramme(), new SkaraborgUtvag(), new ChildConcern(), new ConsentWithdrawn(),
                new NobodyAnswers());
    }
}
