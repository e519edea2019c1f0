package se.samband.security.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static se.samband.security.audit.AuditFixtures.NOW;
import static se.samband.security.audit.AuditFixtures.decision;
import static se.samband.security.audit.AuditFixtures.digest;
import static se.samband.security.audit.AuditFixtures.pseudonym;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.samband.notice.NoticeType;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

class AuditEventTest {
    private static final UUID NOTICE = UUID.fromString("7f1c2a9e-3b4d-4e5f-8a6b-9c0d1e2f3a4b");

    private static AuditEvent.Builder base() {
        return AuditEvent.builder(AuditEventType.DISCLOSURE_DECIDED, NOW, "samband.hub").noticeId(NOTICE);
    }

    /** The change (or the build after it) is refused, and the refusal does not repeat the value. */
    private static void assertRefused(Consumer<AuditEvent.Builder> change, String value) {
        SambandException refusal = catchThrowableOfType(() -> {
            AuditEvent.Builder builder = base();
            change.accept(builder);
            builder.build();
        }, SambandException.class);
        assertThat(refusal).as("refused").isNotNull();
        assertThat(refusal.code()).isEqualTo(ErrorCode.AUDIT_RECORD_INVALID);
        if (value.length() > 2) {
            assertThat(refusal.getMessage()).doesNotContain(value);
        }
    }

    /** Each string field, with the personnummer placed where the field's own pattern lets it through. */
    static Stream<Arguments> personnummerInEveryStringField() {
        List<Arguments> cases = new ArrayList<>();
        for (String pnr : List.of("640823-3234", "196408233234", "6408233234", "19640823-3234", "640823+3234",
                "701063-2391", "6408233235")) {
            cases.add(Arguments.of("actor as participant", pnr, (Consumer<AuditEvent.Builder>) b ->
                    AuditEvent.builder(AuditEventType.RISK_FLAG_SET, NOW, "polisen." + pnr.replace('+', '-')).build()));
            cases.add(Arguments.of("actor as person", pnr, (Consumer<AuditEvent.Builder>) b ->
                    AuditEvent.builder(AuditEventType.PSEUDONYM_LOOKUP, NOW, "security-officer:" + pnr).build()));
            cases.add(Arguments.of("counterpart", pnr,
                    (Consumer<AuditEvent.Builder>) b -> b.counterpart("socialtjanst." + pnr.replace('+', '-'))));
            cases.add(Arguments.of("consentId", pnr, (Consumer<AuditEvent.Builder>) b -> b.consentId(pnr)));
            cases.add(Arguments.of("consentId inside", pnr,
                    (Consumer<AuditEvent.Builder>) b -> b.consentId("consent:" + pnr + ".v1")));
            cases.add(Arguments.of("reasonCode", pnr, (Consumer<AuditEvent.Builder>) b -> b.reasonCode("R" + pnr)));
            cases.add(Arguments.of("subjectPseudonyms", pnr,
                    (Consumer<AuditEvent.Builder>) b -> b.subjectPseudonyms(List.of(pnr))));
            cases.add(Arguments.of("subjectPseudonyms prefixed", pnr,
                    (Consumer<AuditEvent.Builder>) b -> b.subjectPseudonyms(List.of("ps1:" + pnr))));
            cases.add(Arguments.of("detailDigest", pnr, (Consumer<AuditEvent.Builder>) b -> b.detailDigest(pnr)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void personnummerInEveryStringField(String field, String pnr, Consumer<AuditEvent.Builder> change) {
        assertRefused(change, pnr);
    }

    static Stream<String> refusesASubjectThatIsNotAPseudonym() {
        return Stream.of("196408233234", "ps1:640823-3234", "ps2:" + "A".repeat(43), "PS1:" + "A".repeat(43),
                "ps1:" + "A".repeat(42), "ps1:" + "A".repeat(44), "ps1:" + "A".repeat(42) + "=",
                "ps1:" + "A".repeat(42) + "+", "ps1:" + "A".repeat(42) + "/", " ps1:" + "A".repeat(43),
                "Anna Svensson", "");
    }

    @ParameterizedTest
    @MethodSource
    void refusesASubjectThatIsNotAPseudonym(String subject) {
        assertRefused(b -> b.subjectPseudonyms(List.of(pseudonym("a"), subject)), subject);
    }

    @Test
    void refusesANullSubject() {
        assertRefused(b -> b.subjectPseudonyms(Collections.singletonList(null)), "");
    }

    @Test
    void refusesMoreSubjectsThanANoticeCanHold() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 33; i++) {
            many.add(pseudonym("s" + i));
        }
        assertRefused(b -> b.subjectPseudonyms(many), "ps1:");
        assertThatCode(() -> base().subjectPseudonyms(many.subList(0, 32)).build()).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Anna Svensson", "anna svensson", "polisen.gavleborg\nforged line", "a",
        "Polisen.Gavleborg", "officer:anna svensson", "officer:anna@example.se", "Officer:u1", "officer:"})
    void refusesAnActorThatIsNotAnIdOrRoleAccount(String actor) {
        SambandException refusal = catchThrowableOfType(
                () -> AuditEvent.builder(AuditEventType.TIMELINE_VIEWED, NOW, actor).build(), SambandException.class);
        assertThat(refusal.code()).isEqualTo(ErrorCode.AUDIT_RECORD_INVALID);
        if (actor.length() > 2) {
            assertThat(refusal.getMessage()).doesNotContain(actor);
        }
    }

    @Test
    void refusesFreeTextInCodeFields() {
        assertRefused(b -> b.reasonCode("the victim asked us not to call"), "victim");
        assertRefused(b -> b.reasonCode("X".repeat(65)), "XXXX");
        assertRefused(b -> b.reasonCode("HOLD\r\nEXPIRED"), "HOLD");
        assertRefused(b -> b.consentId("consent of Anna"), "Anna");
        assertRefused(b -> b.consentId("c".repeat(81)), "cccc");
        assertRefused(b -> b.counterpart("Socialtjänsten i Bollnäs"), "Bollnäs");
        assertRefused(b -> b.detailDigest(digest("x") + "A"), digest("x"));
        assertRefused(b -> b.detailDigest("not a digest at all, just words here ok"), "words");
    }

    @Test
    void refusesMissingRequiredFieldsAndTimesOutsideTheEncoding() {
        SambandException noType = catchThrowableOfType(
                () -> AuditEvent.builder(null, NOW, "samband.hub").build(), SambandException.class);
        assertThat(noType.code()).isEqualTo(ErrorCode.AUDIT_RECORD_INVALID);
        assertRefused(b -> b.outcome(null), "");
        SambandException noTime = catchThrowableOfType(
                () -> AuditEvent.builder(AuditEventType.DLQ_REPLAYED, null, "operator:u7").build(),
                SambandException.class);
        assertThat(noTime.code()).isEqualTo(ErrorCode.AUDIT_RECORD_INVALID);
        SambandException tooEarly = catchThrowableOfType(() -> AuditEvent.builder(AuditEventType.DLQ_REPLAYED,
                Instant.parse("1969-12-31T23:59:59Z"), "operator:u7").build(), SambandException.class);
        assertThat(tooEarly.code()).isEqualTo(ErrorCode.AUDIT_RECORD_INVALID);
        SambandException noActor = catchThrowableOfType(
                () -> AuditEvent.builder(AuditEventType.DLQ_REPLAYED, NOW, null).build(), SambandException.class);
        assertThat(noActor.code()).isEqualTo(ErrorCode.AUDIT_RECORD_INVALID);
    }

    @Test
    void acceptsCodesIdsPseudonymsAndDigests() {
        AuditEvent event = decision(4);
        assertThat(event.subjectPseudonyms()).hasSize(2);
        assertThatCode(() -> AuditEvent.builder(AuditEventType.PSEUDONYM_LOOKUP, NOW, "security-officer:u1042")
                .subjectPseudonyms(List.of(pseudonym("looked-up"))).build()).doesNotThrowAnyException();
        // An OIDC subject or a consent id that is a UUID may end in twelve digits; its fixed shape is no personnummer.
        assertThatCode(() -> AuditEvent.builder(AuditEventType.CONSENT_REGISTERED, NOW,
                "security-officer:123e4567-e89b-12d3-a456-426614174000")
                .consentId("123e4567-e89b-12d3-a456-196408233234").build()).doesNotThrowAnyException();
        // The registry audits a consent as id:vN, and agencies prefix their ids: kvv-<uuid>:v2.
        assertThatCode(() -> base().consentId("kvv-123e4567-e89b-12d3-a456-196408233234:v2").build())
                .doesNotThrowAnyException();
        assertThatCode(() -> base().consentId("19640823-3234-4c1a-9e2f-3f1c2a4e8d7b:v1").build())
                .doesNotThrowAnyException();
        // Kommunkod and short numbers in codes are fine.
        assertThatCode(() -> base().counterpart("socialtjanst.kommun-2183").reasonCode("consent_denied")
                .consentId("cns-2026-000123.v2").build()).doesNotThrowAnyException();
    }

    @Test
    void keepsMillisecondsOnlyBecauseTheChainStoresThem() {
        AuditEvent event = base().build();
        AuditEvent precise = AuditEvent.builder(AuditEventType.DISCLOSURE_DECIDED,
                NOW.plusNanos(1_234_567), "samband.hub").noticeId(NOTICE).build();
        assertThat(precise.occurredAt()).isEqualTo(NOW.plusMillis(1));
        assertThat(event.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void copiesTheSubjectListSoTheEventCannotChangeAfterHashing() {
        List<String> subjects = new ArrayList<>(List.of(pseudonym("a")));
        AuditEvent event = base().subjectPseudonyms(subjects).build();
        subjects.add(pseudonym("b"));
        assertThat(event.subjectPseudonyms()).containsExactly(pseudonym("a"));
    }

    @Test
    void redeliveredEventHasTheSameIdempotencyKey() {
        assertThat(decision(3).idempotencyKey()).isEqualTo(decision(3).idempotencyKey())
                .isEqualTo(noticeKeyOf(decision(3)));
    }

    private static String noticeKeyOf(AuditEvent event) {
        return event.noticeId() + "|" + event.counterpart() + "|DISCLOSURE_DECIDED|SUCCESS";
    }

    @Test
    void idempotencyKeySeparatesRecipientsEventsOutcomesAndReceiptKinds() {
        AuditEvent toBollnas = base().counterpart("socialtjanst.bollnas").build();
        AuditEvent toPolice = base().counterpart("polisen.gavleborg").build();
        AuditEvent dispatched = AuditEvent.builder(AuditEventType.NOTICE_DISPATCHED, NOW, "samband.hub")
                .noticeId(NOTICE).counterpart("socialtjanst.bollnas").build();
        AuditEvent dispatchFailed = AuditEvent.builder(AuditEventType.NOTICE_DISPATCHED, NOW, "samband.hub")
                .noticeId(NOTICE).counterpart("socialtjanst.bollnas").outcome(AuditOutcome.FAILED).build();
        AuditEvent received = receipt(NoticeType.RECEIVED);
        AuditEvent accepted = receipt(NoticeType.ACCEPTED);
        AuditEvent rejected = AuditEvent.builder(AuditEventType.NOTICE_REJECTED, NOW, "polisen.gavleborg")
                .noticeId(NOTICE).reasonCode("signature_invalid").build();
        assertThat(List.of(toBollnas, toPolice, dispatched, dispatchFailed, received, accepted, rejected))
                .extracting(AuditEvent::idempotencyKey).doesNotHaveDuplicates();
        assertThat(accepted.idempotencyKey()).endsWith("|RECEIPT_RECORDED|SUCCESS|ACCEPTED");
        // A later time does not make a redelivered decision a new one: the key is about the fact.
        AuditEvent later = AuditEvent.builder(AuditEventType.DISCLOSURE_DECIDED, NOW.plusSeconds(5), "samband.hub")
                .noticeId(NOTICE).counterpart("socialtjanst.bollnas").build();
        assertThat(later.idempotencyKey()).isEqualTo(toBollnas.idempotencyKey());
    }

    @Test
    void recurringActionsOnOneNoticeAreEachANewEventButARedeliveryIsNot() {
        AuditEvent firstView = AuditEvent.builder(AuditEventType.TIMELINE_VIEWED, NOW, "security-officer:u1042")
                .noticeId(NOTICE).build();
        AuditEvent secondView = AuditEvent.builder(AuditEventType.TIMELINE_VIEWED, NOW.plusSeconds(60),
                "security-officer:u1042").noticeId(NOTICE).build();
        AuditEvent firstReplay = AuditEvent.builder(AuditEventType.NOTICE_REJECTED, NOW, "polisen.gavleborg")
                .noticeId(NOTICE).reasonCode("replayed_notice").build();
        AuditEvent secondReplay = AuditEvent.builder(AuditEventType.NOTICE_REJECTED, NOW.plusMillis(3),
                "polisen.gavleborg").noticeId(NOTICE).reasonCode("replayed_notice").build();

        assertThat(firstView.idempotencyKey()).startsWith("sha256:").isNotEqualTo(secondView.idempotencyKey());
        assertThat(firstReplay.idempotencyKey()).isNotEqualTo(secondReplay.idempotencyKey());
        AuditEvent redelivered = AuditEvent.builder(AuditEventType.TIMELINE_VIEWED, NOW, "security-officer:u1042")
                .noticeId(NOTICE).build();
        assertThat(redelivered.idempotencyKey()).isEqualTo(firstView.idempotencyKey());
    }

    @Test
    void onlyPipelineStepsAreKeyedByNoticeAndRecipient() {
        assertThat(java.util.Arrays.stream(AuditEventType.values()).filter(AuditEventType::onePerNoticeAndRecipient))
                .containsExactlyInAnyOrder(AuditEventType.DISCLOSURE_DECIDED, AuditEventType.NOTICE_DISPATCHED,
                        AuditEventType.HOLD_RELEASED, AuditEventType.HOLD_EXPIRED, AuditEventType.RECEIPT_RECORDED,
                        AuditEventType.HANDOVER_ESCALATED, AuditEventType.MANUAL_ROUTING_QUEUED);
    }

    private static AuditEvent receipt(NoticeType kind) {
        return AuditEvent.builder(AuditEventType.RECEIPT_RECORDED, NOW, "socialtjanst.bollnas")
                .noticeId(NOTICE).counterpart("socialtjanst.bollnas").noticeType(kind).build();
    }

    @Test
    void eventWithoutNoticeIsKeyedByItsWholeContent() {
        AuditEvent lookup = AuditEvent.builder(AuditEventType.PSEUDONYM_LOOKUP, NOW, "security-officer:u1042")
                .subjectPseudonyms(List.of(pseudonym("x"))).build();
        AuditEvent same = AuditEvent.builder(AuditEventType.PSEUDONYM_LOOKUP, NOW, "security-officer:u1042")
                .subjectPseudonyms(List.of(pseudonym("x"))).build();
        AuditEvent otherSubject = AuditEvent.builder(AuditEventType.PSEUDONYM_LOOKUP, NOW, "security-officer:u1042")
                .subjectPseudonyms(List.of(pseudonym("y"))).build();
        AuditEvent later = AuditEvent.builder(AuditEventType.PSEUDONYM_LOOKUP, NOW.plusMillis(1),
                "security-officer:u1042").subjectPseudonyms(List.of(pseudonym("x"))).build();
        assertThat(lookup.idempotencyKey()).isEqualTo(same.idempotencyKey()).startsWith("sha256:").hasSize(50)
                .isNotEqualTo(otherSubject.idempotencyKey()).isNotEqualTo(later.idempotencyKey());
    }

    @Test
    void toStringShowsIdsAndCodesButNoPseudonym() {
        AuditEvent event = decision(2);
        assertThat(event.toString()).contains(event.noticeId().toString(), "DISCLOSURE_DECIDED", "subjects=2")
                .doesNotContain(event.subjectPseudonyms().get(0)).doesNotContain("ps1:");
    }
}
