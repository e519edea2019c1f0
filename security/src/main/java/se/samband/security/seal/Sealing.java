package se.samband.security.seal;

import java.time.Clock;
import se.samband.notice.NoticeJson;
import se.samband.security.pki.PrivateKeyAccess;
import se.samband.security.seal.internal.CmsNoticeOpener;
import se.samband.security.seal.internal.CmsNoticeSealer;
import se.samband.security.seal.internal.CmsNoticeVerifier;
import se.samband.security.seal.internal.NativeEc;

/**
 * Where the sealing feature's implementations come from. Each call returns a new, thread-safe instance
 * with its own verifier cache: create one per role (the hub one verifier, a connector one sealer and
 * one opener) and share it.
 */
public final class Sealing {
    private Sealing() {
    }

    /** Seals with {@code signer}'s key; the signing time comes from the system clock. */
    public static NoticeSealer sealer(PrivateKeyAccess signer) {
        return sealer(signer, NoticeJson.strict(), Clock.systemUTC());
    }

    /** Seals with {@code signer}'s key, writing headers with {@code json} and signing times from {@code clock}. */
    public static NoticeSealer sealer(PrivateKeyAccess signer, NoticeJson json, Clock clock) {
        return new CmsNoticeSealer(signer, json, clock);
    }

    public static NoticeVerifier verifier() {
        return verifier(NoticeJson.strict());
    }

    /** Verifies headers, reading them with {@code json} (and so its limits). */
    public static NoticeVerifier verifier(NoticeJson json) {
        return new CmsNoticeVerifier(json);
    }

    /** Who makes and checks EC signatures in this JVM (BoringSSL where it loads, else Bouncy Castle), for logs. */
    public static String ecSignatureProvider() {
        return NativeEc.description();
    }

    public static NoticeOpener opener() {
        return opener(NoticeJson.strict());
    }

    public static NoticeOpener opener(NoticeJson json) {
        return new CmsNoticeOpener(json);
    }
}
