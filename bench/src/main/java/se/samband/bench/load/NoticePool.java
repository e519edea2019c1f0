package se.samband.bench.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import se.samband.notice.DataCategory;
import se.samband.notice.LegalBasisClaim;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.Purpose;
import se.samband.notice.Subject;
import se.samband.notice.SubjectRole;
import se.samband.security.pki.DevPki;
import se.samband.security.pki.Pem;
import se.samband.security.pki.Pkcs12KeyStore;
import se.samband.security.seal.NoticeSealer;
import se.samband.security.seal.Sealing;

/**
 * Seals notices with the keys of the hub's dev PKI before any measurement, so the load generator's crypto is not
 * part of what is measured. Every notice is a child-concern report on the duty to report (police or probation
 * service to social services): the demo federation routes it and the decision is PERMIT without any consent, so
 * every notice must reach every recipient.
 */
final class NoticePool {
    /** Senders the demo federation lets send CHILD_CONCERN_REPORT; one producer thread per sender. */
    static final List<ParticipantId> SENDERS = List.of(ParticipantId.of("polisen.gavleborg"),
            ParticipantId.of("polisen.jonkoping"), ParticipantId.of("polisen.halland"),
            ParticipantId.of("kriminalvarden.frivard-gavle"), ParticipantId.of("kriminalvarden.frivard-jonkoping"),
            ParticipantId.of("kriminalvarden.frivard-skovde"));
    /** Social services of the demo federation: the recipients, taken in turn. */
    static final List<ParticipantId> RECIPIENTS = List.of(ParticipantId.of("socialtjanst.bollnas"),
            ParticipantId.of("socialtjanst.jonkoping"), ParticipantId.of("socialtjanst.kungsbacka"),
            ParticipantId.of("socialtjanst.varberg"), ParticipantId.of("socialtjanst.falkenberg"),
            ParticipantId.of("socialtjanst.hylte"), ParticipantId.of("socialtjanst.halmstad"),
            ParticipantId.of("socialtjanst.laholm"), ParticipantId.of("socialtjanst.skovde"));

    /** With {@code --consent-cache=hit}: every notice is about one of this many people (a perpetrator and a child). */
    static final int HIT_SUBJECTS = 64;

    private final DevPki.Layout pki;
    private final boolean consentCacheHit;
    /** Numbers the people across every call, so that with cache misses no two notices of a bench share a subject. */
    private final AtomicInteger people = new AtomicInteger();
    private final Map<ParticipantId, NoticeSealer> sealers = new ConcurrentHashMap<>();
    private final Map<ParticipantId, X509Certificate> certificates = new ConcurrentHashMap<>();

    NoticePool(Path pkiDir) {
        this(pkiDir, false);
    }

    /**
     * @param consentCacheHit true: the notices are about {@value #HIT_SUBJECTS} people in turn, so the hub's consent
     *                        cache answers after their first notices; false: every notice is about people no other
     *                        notice of this pool names, so every decision reads the consent registry
     */
    NoticePool(Path pkiDir, boolean consentCacheHit) {
        this.pki = new DevPki.Layout(pkiDir);
        this.consentCacheHit = consentCacheHit;
    }

    /**
     * Seals {@code count} notices: notice i comes from sender {@code i % senders}, goes to {@code recipients}
     * social services starting at {@code i % 9}, and carries {@code bodyBytes} of payload; its subjects follow the
     * pool's consent-cache mode. Sealed on every core.
     */
    List<PooledNotice> seal(int count, int senders, int recipients, int bodyBytes) {
        return seal(count, senders, recipients, bodyBytes, 0);
    }

    /**
     * As {@link #seal(int, int, int, int)}, for notices sent at {@code rate} per second from about now on: notice i
     * is created a minute before it is due ({@code i / rate} seconds from now), so that a sustained run longer than
     * the hub's clock-skew window (5 minutes) does not send notices that were created too long ago. A rate of 0
     * creates every notice now.
     */
    List<PooledNotice> seal(int count, int senders, int recipients, int bodyBytes, double rate) {
        if (senders < 1 || senders > SENDERS.size()) {
            throw new IllegalArgumentException("senders must be 1.." + SENDERS.size());
        }
        if (recipients < 1 || recipients > RECIPIENTS.size()) {
            throw new IllegalArgumentException("recipients must be 1.." + RECIPIENTS.size());
        }
        byte[] payload = payload(bodyBytes);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int first = people.getAndAdd(count);
        return IntStream.range(0, count).parallel()
                .mapToObj(i -> sealOne(person(first + i), SENDERS.get(i % senders), recipientsOf(i, recipients),
                        payload, rate <= 0 ? now : now.plusSeconds((long) (i / rate)).minus(DUE_LEAD)))
                .toList();
    }

    /** How long before it is due a notice of a paced pool is created: inside the hub's 5 minutes, never ahead. */
    static final Duration DUE_LEAD = Duration.ofMinutes(1);

    private int person(int sequence) {
        return consentCacheHit ? sequence % HIT_SUBJECTS : sequence;
    }

    private PooledNotice sealOne(int person, ParticipantId sender, List<ParticipantId> to, byte[] payload,
                                 Instant created) {
        NoticeHeader header = NoticeHeader.builder()
                .type(NoticeType.CHILD_CONCERN_REPORT)
                .sender(sender)
                .recipients(to)
                .subjects(List.of(new Subject(pseudonym("perpetrator-" + person), SubjectRole.PERPETRATOR, false),
                        new Subject(pseudonym("child-" + person), SubjectRole.CHILD, false)))
                .purpose(Purpose.CHILD_PROTECTION)
                .legalBasis(LegalBasisClaim.of(LegalBasisCode.DUTY_CHILD_CONCERN))
                .dataCategories(Set.of(DataCategory.CHILD_WELFARE, DataCategory.HOUSEHOLD))
                .created(created)
                .expires(created.plus(1, ChronoUnit.DAYS))
                .build();
        NoticeSealer sealer = sealers.computeIfAbsent(sender, id -> Sealing.sealer(Pkcs12KeyStore.load(
                pki.participantKeyStore(id), DevPki.DEFAULT_PASSWORD.toCharArray(), id.value()),
                NoticeJson.strict(), Clock.systemUTC()));
        List<X509Certificate> encryptFor = to.stream().map(this::certificate).toList();
        byte[] container = NoticeJson.strict().writeContainer(sealer.seal(header, payload, encryptFor));
        return new PooledNotice(header.noticeId(), sender, to, container);
    }

    private X509Certificate certificate(ParticipantId id) {
        return certificates.computeIfAbsent(id, p -> Pem.readCertificate(pki.participantCertificate(p)));
    }

    private static List<ParticipantId> recipientsOf(int index, int count) {
        List<ParticipantId> to = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            to.add(RECIPIENTS.get((index + k) % RECIPIENTS.size()));
        }
        return to;
    }

    /** JSON-looking text of the given size, the same bytes every run (fixed seed). */
    static byte[] payload(int bytes) {
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder json = new StringBuilder(bytes).append("{\"note\":\"");
        while (json.length() < bytes - 2) {
            json.append((char) ('a' + random.nextInt(26)));
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String pseudonym(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return "ps1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
