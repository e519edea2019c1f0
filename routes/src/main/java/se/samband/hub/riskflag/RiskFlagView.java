package se.samband.hub.riskflag;

import java.time.Instant;
import java.util.UUID;

/** A risk flag as the API shows it; {@code active} is whether it holds notices back now. */
public record RiskFlagView(UUID flagId, String subjectPseudonym, String setBy, Instant until, String reasonCode,
                           Instant setAt, Instant clearedAt, String clearedBy, boolean active) {

    static RiskFlagView of(StoredFlag flag, Instant now) {
        return new RiskFlagView(flag.id(), flag.flag().subjectPseudonym(), flag.flag().setBy().value(),
                flag.flag().until(), flag.flag().reasonCode(), flag.flag().setAt(), flag.flag().clearedAt(),
                flag.clearedBy(), flag.flag().isActive(now));
    }
}
