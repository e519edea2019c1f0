package se.samband.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import se.samband.notice.DataCategory;
import se.samband.notice.LegalBasisClaim;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.Purpose;
import se.samband.notice.SealedNotice;
import se.samband.notice.Subject;
import se.samband.notice.SubjectRole;
import se.samband.security.federation.Federation;
import se.samband.security.federation.FederationLoader;
import se.samband.security.pki.DevPki;
import se.samband.security.pki.PrivateKeyAccess;
import se.samband.security.seal.NoticeOpener;
import se.samband.security.seal.NoticeSealer;
import se.samband.security.seal.NoticeVerifier;
import se.samband.security.seal.OpenedNotice;
import se.samband.security.seal.Sealing;
import se.samband.security.seal.VerifiedHeader;

/**
 * Sealing, opening and the hub's header check for a 2 KiB payload, with the demo federation's EC P-256
 * keys (DevPki, in a temporary directory). {@code seal} is a connector sending, {@code open} a recipient
 * receiving, {@code verifyHeader} the hub's per-notice signature and digest check (one cached verifier,
 * as the hub keeps it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SealBenchmark {
    private static final ParticipantId SENDER = ParticipantId.of("kriminalvarden.frivard-gavle");
    private static final List<ParticipantId> RECIPIENTS = List.of(ParticipantId.of("socialtjanst.bollnas"),
            ParticipantId.of("polisen.gavleborg"), ParticipantId.of("region.bollnas-halsocentral"));
    private static final int PAYLOAD_BYTES = 2048;

    /** How many recipients the body is sealed for. */
    @Param({"1", "3"})
    public int recipients;

    private Path dir;
    private NoticeSealer sealer;
    private NoticeOpener opener;
    private NoticeVerifier verifier;
    private PrivateKeyAccess recipientKey;
    private List<X509Certificate> recipientCertificates;
    private NoticeHeader header;
    private byte[] payload;
    private SealedNotice sealed;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("samband-bench-pki-");
        DevPki.Result pki = DevPki.init(demoFederation(), dir, DevPki.Options.defaults());
        char[] password = DevPki.DEFAULT_PASSWORD.toCharArray();
        List<ParticipantId> to = RECIPIENTS.subList(0, recipients);
        recipientCertificates = to.stream().map(pki::certificate).toList();
        recipientKey = pki.keyAccess(to.get(0), password);
        sealer = Sealing.sealer(pki.keyAccess(SENDER, password));
        opener = Sealing.opener();
        verifier = Sealing.verifier();
        header = header(to);
        payload = payload();
        sealed = sealer.seal(header, payload, recipientCertificates);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    public SealedNotice seal() {
        return sealer.seal(header, payload, recipientCertificates);
    }

    @Benchmark
    public OpenedNotice open() {
        return opener.open(sealed, recipientKey);
    }

    @Benchmark
    public VerifiedHeader verifyHeader() {
        return verifier.verify(sealed);
    }

    private static Federation demoFederation() {
        try (InputStream in = SealBenchmark.class.getResourceAsStream("/samband/federation.yaml")) {
            if (in == null) {
                throw new IllegalStateException("demo federation not packaged");
            }
            return new FederationLoader().load(in, "federation.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NoticeHeader header(List<ParticipantId> to) {
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return NoticeHeader.builder()
                .type(NoticeType.RELEASE_CONTACT_CONSENT)
                .sender(SENDER)
                .recipients(to)
                // 42 characters and a canonical last one: the schema's form of a 32-byte HMAC in base64url.
                .subjects(List.of(new Subject("ps1:" + "b".repeat(42) + "A", SubjectRole.PERPETRATOR, false)))
                .purpose(Purpose.SUPPORT_CONTACT)
                .legalBasis(LegalBasisClaim.consent("c-bench-1"))
                .dataCategories(Set.of(DataCategory.RELEASE_INFORMATION, DataCategory.CONTACT_DETAILS))
                .created(created)
                .expires(created.plus(Duration.ofDays(30)))
                .build();
    }

    /** 2 KiB of JSON-looking text (fixed seed, so every run seals the same bytes). */
    private static byte[] payload() {
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder json = new StringBuilder("{\"note\":\"");
        while (json.length() < PAYLOAD_BYTES - 2) {
            json.append((char) ('a' + random.nextInt(26)));
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
