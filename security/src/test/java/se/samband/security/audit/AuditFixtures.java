package se.samband.security.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.security.federation.Federation;
import se.samband.security.federation.FederationLoader;
import se.samband.security.pki.DevPki;

/** Events, chains and dev-PKI keys for the audit tests. */
final class AuditFixtures {
    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ParticipantId HUB = ParticipantId.HUB;
    static final ParticipantId RSA_SIGNER = ParticipantId.of("polisen.halland");
    static final ParticipantId STRANGER = ParticipantId.of("polisen.gavleborg");
    static final ParticipantId EXPIRED = ParticipantId.of("kriminalvarden.frivard-skovde");
    private static final Path DEMO_FEDERATION = Path.of("../deploy/demo/federation.yaml");

    private AuditFixtures() {
    }

    private static DevPki.Result sharedPki;

    /**
     * One dev PKI for all audit test classes in this JVM (RSA-3072 key generation is slow), in a
     * temporary directory removed when the JVM exits.
     */
    static synchronized DevPki.Result sharedPki() {
        if (sharedPki == null) {
            try {
                Path dir = Files.createTempDirectory("samband-audit-pki");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
                sharedPki = devPki(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sharedPki;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort at JVM exit: the directory is under the system temp dir anyway.
        }
    }

    /** A dev PKI for the demo federation: the hub and the stranger EC, RSA_SIGNER RSA, EXPIRED out of date. */
    static DevPki.Result devPki(Path dir) {
        Federation federation = new FederationLoader().load(DEMO_FEDERATION);
        DevPki.Options options = DevPki.Options.defaults().withClock(CLOCK).withRsa(Set.of(RSA_SIGNER))
                .withValidity(EXPIRED, NOW.minusSeconds(86_400 * 30), NOW.minusSeconds(86_400));
        return DevPki.init(federation, dir, options);
    }

    static char[] password() {
        return DevPki.DEFAULT_PASSWORD.toCharArray();
    }

    /** {@code ps1:} + 43 base64url characters, the shape the pseudonymiser produces. */
    static String pseudonym(String seed) {
        return "ps1:" + digest(seed);
    }

    static String digest(String seed) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A disclosure decision with every field set, varied by {@code i}. */
    static AuditEvent decision(int i) {
        return AuditEvent.builder(AuditEventType.DISCLOSURE_DECIDED, NOW.plusMillis(i), "samband.hub")
                .noticeId(new UUID(0x5a3b_0000_0000_0000L, i))
                .counterpart(i % 2 == 0 ? "socialtjanst.bollnas" : "polisen.gavleborg")
                .noticeType(NoticeType.RELEASE_CONTACT_CONSENT)
                .subjectPseudonyms(List.of(pseudonym("perpetrator-" + i), pseudonym("victim-" + i)))
                .decision(i % 3 == 0 ? AuditDecision.HOLD : AuditDecision.PERMIT)
                .legalBasis(LegalBasisCode.CONSENT)
                .consentId("consent-" + (i % 50) + ".v1")
                .reasonCode(i % 3 == 0 ? "AWAITING_CONSENT" : null)
                .reviewRequired(i % 5 == 0)
                .detailDigest(digest("body-" + i))
                .build();
    }

    static List<AuditEvent> decisions(int from, int count) {
        List<AuditEvent> events = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            events.add(decision(i));
        }
        return events;
    }

    /** A chain of {@code size} entries, appended in batches of 7 as the writer would. */
    static List<AuditEntry> chain(int size) {
        List<AuditEntry> entries = new ArrayList<>(size);
        ChainHead head = ChainHead.GENESIS;
        for (int from = 1; from <= size; from += 7) {
            List<AuditEntry> batch = AuditChain.append(head, decisions(from, Math.min(7, size - from + 1)));
            entries.addAll(batch);
            head = batch.get(batch.size() - 1).head();
        }
        return entries;
    }
}
