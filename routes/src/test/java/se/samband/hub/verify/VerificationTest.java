package se.samband.hub.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samband.hub.pipeline.PipelineFixture.FRIVARD;
import static se.samband.hub.pipeline.PipelineFixture.NOW;
import static se.samband.hub.pipeline.PipelineFixture.POLICE;
import static se.samband.hub.pipeline.PipelineFixture.SOC_BOLLNAS;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import se.samband.hub.pipeline.PipelineFixture;
import se.samband.hub.trust.FederationTrust;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.ParticipantId;
import se.samband.notice.SealedNotice;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.federation.Federation;
import se.samband.security.seal.Sealing;

class VerificationTest {
    private static final PipelineFixture FIXTURE = PipelineFixture.shared();

    private final Verification verification = verification(FIXTURE.trust(), FIXTURE.federation());

    private static Verification verification(FederationTrust trust, Federation federation) {
        return new Verification(Sealing.verifier(NoticeJson.strict()), trust, () -> federation);
    }

    @Test
    void acceptsANoticeSignedAndSentByItsSender() {
        NoticeHeader header = PipelineFixture.childConcern(SOC_BOLLNAS).build();

        VerifiedNotice verified = verification.verify(FIXTURE.sealNotice(header), POLICE);

        assertThat(verified.header().noticeId()).isEqualTo(header.noticeId());
        assertThat(verified.sender().id()).isEqualTo(POLICE);
    }

    @Test
    void refusesAHeaderChangedAfterSigning() {
        SealedNotice sealed = FIXTURE.sealNotice(PipelineFixture.childConcern(SOC_BOLLNAS).build());
        byte[] header = new String(sealed.header(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("CHILD_PROTECTION", "CASE_COORDINATION").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertRefused(() -> verification.verify(new SealedNotice(header, sealed.signature(), sealed.body()), POLICE),
                ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void refusesABodySwappedForAnotherNoticesBody() {
        SealedNotice sealed = FIXTURE.sealNotice(PipelineFixture.childConcern(SOC_BOLLNAS).build());
        SealedNotice other = FIXTURE.sealNotice(PipelineFixture.childConcern(SOC_BOLLNAS).build());

        assertRefused(() -> verification.verify(new SealedNotice(sealed.header(), sealed.signature(), other.body()),
                POLICE), ErrorCode.BODY_DIGEST_MISMATCH);
    }

    @Test
    void refusesASignerCertificateFromAnotherCa() {
        PipelineFixture foreign = PipelineFixture.foreign();
        SealedNotice sealed = foreign.sealNotice(PipelineFixture.childConcern(SOC_BOLLNAS).build());

        assertRefused(() -> verification.verify(sealed, POLICE), ErrorCode.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void refusesARevokedSignerCertificate() {
        PipelineFixture own = PipelineFixture.foreign();
        SealedNotice sealed = own.sealNotice(PipelineFixture.childConcern(SOC_BOLLNAS).build());
        assertThat(verification(own.trust(), own.federation()).verify(sealed, POLICE)).isNotNull();

        own.revoke(POLICE);

        assertRefused(() -> verification(own.trust(), own.federation()).verify(sealed, POLICE),
                ErrorCode.CERTIFICATE_REVOKED);
    }

    @Test
    void refusesWhenNoCurrentRevocationListIsAvailable() {
        Clock afterCrl = Clock.fixed(NOW.plus(Duration.ofDays(8)), ZoneOffset.UTC);
        SealedNotice sealed = FIXTURE.sealNotice(PipelineFixture.childConcern(SOC_BOLLNAS).build());

        assertRefused(() -> verification(FIXTURE.trustAt(afterCrl), FIXTURE.federation()).verify(sealed, POLICE),
                ErrorCode.CRL_UNAVAILABLE);
    }

    @Test
    void refusesAHeaderSenderWhoDidNotSign() {
        NoticeHeader claimsPolice = PipelineFixture.childConcern(SOC_BOLLNAS).build();
        SealedNotice signedByFrivard = FIXTURE.sealAs(FRIVARD, claimsPolice);

        assertRefused(() -> verification.verify(signedByFrivard, POLICE), ErrorCode.SENDER_MISMATCH);
        assertRefused(() -> verification.verify(signedByFrivard, FRIVARD), ErrorCode.SENDER_MISMATCH);
    }

    @Test
    void refusesANoticeSentOverAnotherParticipantsConnection() {
        SealedNotice sealed = FIXTURE.sealNotice(PipelineFixture.childConcern(SOC_BOLLNAS).build());

        assertRefused(() -> verification.verify(sealed, FRIVARD), ErrorCode.SENDER_MISMATCH);
        assertRefused(() -> verification.verify(sealed, null), ErrorCode.SENDER_MISMATCH);
    }

    @Test
    void refusesASenderNoLongerInTheFederation() {
        ParticipantId police = POLICE;
        Verification withoutPolice = verification(FIXTURE.trust(), PipelineFixture.federationWithout(police));
        SealedNotice sealed = FIXTURE.sealNotice(PipelineFixture.childConcern(SOC_BOLLNAS).build());

        assertRefused(() -> withoutPolice.verify(sealed, police), ErrorCode.SENDER_UNKNOWN);
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(SambandException.class)
                .extracting(e -> ((SambandException) e).code()).isEqualTo(code);
    }
}
