package se.samband.hub.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samband.hub.dispatch.DispatchPlan;
import se.samband.hub.pipeline.PipelineFixture;
import se.samband.notice.NoticeJson;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.security.seal.OpenedNotice;
import se.samband.security.seal.Sealing;

/**
 * The hub writes its receipts' headers without reading them back ({@link NoticeJson#withoutWriteCheck()}): every
 * kind it makes must still pass the strict reader, the header signature check and opening at its recipient.
 */
class HubReceiptsTest {
    private static final PipelineFixture FIXTURE = PipelineFixture.shared();
    private static final ParticipantId SENDER = PipelineFixture.FRIVARD;
    private static final UUID NOTICE = UUID.fromString("5b0c7b7e-3c43-4d39-9d38-0d8f3f1c2a11");

    private final HubReceipts receipts = new HubReceipts(FIXTURE.trust(), NoticeJson.strict().withoutWriteCheck(),
            PipelineFixture.CLOCK);

    @Test
    void everyKindOfReceiptWrittenWithoutReadBackPassesTheStrictReaderAndOpens() {
        List<DispatchPlan.Receipt> made = List.of(
                receipts.submissionReceipt(NOTICE, SENDER, List.of(
                        new HubReceipts.Line(PipelineFixture.SOC_BOLLNAS, "DELIVERED", null, null, null),
                        new HubReceipts.Line(PipelineFixture.POLICE, "HELD", "RISK_FLAG_ACTIVE",
                                Instant.parse("2026-12-08T09:00:00Z"), "CONTACT_UNSAFE"))).orElseThrow(),
                receipts.rejection(SENDER, NOTICE, ErrorCode.SIGNATURE_INVALID).orElseThrow(),
                receipts.escalation(SENDER, NOTICE, "HOLD_EXPIRED", PipelineFixture.SOC_BOLLNAS).orElseThrow(),
                receipts.escalation(SENDER, "RESPOND_BY_PASSED", new HubReceipts.EscalationPayload(NOTICE,
                        NoticeType.CHILD_CONCERN_REPORT, PipelineFixture.SOC_BOLLNAS,
                        Instant.parse("2026-11-25T09:00:00Z"), "DELIVERED", PipelineFixture.SOC_SKOVDE,
                        "duty officer")).orElseThrow(),
                receipts.consentWithdrawn(SENDER, new HubReceipts.ConsentWithdrawnPayload("c-bollnas-release-1", 2,
                        PipelineFixture.PERPETRATOR, PipelineFixture.NOW)).orElseThrow());

        assertThat(made).extracting(DispatchPlan.Receipt::type).containsExactly(NoticeType.SUBMISSION_RECEIPT,
                NoticeType.REJECTED, NoticeType.ESCALATION, NoticeType.ESCALATION, NoticeType.CONSENT_WITHDRAWN);
        for (DispatchPlan.Receipt receipt : made) {
            var sealed = NoticeJson.strict().readContainer(receipt.container());
            var header = NoticeJson.strict().readHeader(sealed.header());
            assertThat(Sealing.verifier().verify(sealed).header()).isEqualTo(header);
            OpenedNotice opened = Sealing.opener().open(sealed, FIXTURE.key(SENDER));
            assertThat(opened.header().sender()).isEqualTo(ParticipantId.HUB);
            assertThat(opened.header().recipients()).containsExactly(SENDER);
            assertThat(opened.header().noticeId()).isEqualTo(receipt.noticeId());
            assertThat(opened.payload()).isNotEmpty();
        }
    }
}
