package se.samband.hub.riskflag;

import java.util.UUID;
import se.samband.security.consent.RiskFlag;

/** A risk flag with its id and who cleared it, as stored in {@code risk_flag}. toString shows no pseudonym. */
record StoredFlag(UUID id, RiskFlag flag, String clearedBy) {

    @Override
    public String toString() {
        return "StoredFlag[id=" + id + ", " + flag + "]";
    }
}
