package se.samband.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samband.notice.NoticeJson;
import se.samband.notice.Subject;
import se.samband.security.federation.FederationLoader;
import se.samband.security.pki.DevPki;

/** The consent-cache modes decide which people the sealed notices are about: all new, or a few in turn. */
class NoticePoolTest {
    @TempDir
    static Path pki;

    @BeforeAll
    static void createPki() throws Exception {
        try (InputStream federation = NoticePoolTest.class.getResourceAsStream("/samband/federation.yaml")) {
            DevPki.init(new FederationLoader().load(federation, "federation.yaml"), pki, DevPki.Options.defaults());
        }
    }

    @Test
    void withCacheMissesNoTwoNoticesOfThePoolShareAPerson() {
        NoticePool pool = new NoticePool(pki, false);

        List<PooledNotice> warmup = pool.seal(40, 2, 1, 64);
        List<PooledNotice> run = pool.seal(40, 2, 1, 64);

        Set<String> people = new HashSet<>();
        for (PooledNotice notice : concat(warmup, run)) {
            for (Subject subject : subjects(notice)) {
                assertThat(people.add(subject.pseudonym())).as("a person named twice").isTrue();
            }
        }
        assertThat(people).hasSize(160);
    }

    @Test
    void withCacheHitsTheNoticesAreAboutAFewPeopleInTurn() {
        NoticePool pool = new NoticePool(pki, true);

        List<PooledNotice> notices = concat(pool.seal(NoticePool.HIT_SUBJECTS, 2, 1, 64), pool.seal(40, 2, 1, 64));

        Set<String> people = new HashSet<>();
        notices.forEach(notice -> subjects(notice).forEach(subject -> people.add(subject.pseudonym())));
        assertThat(people).hasSize(2 * NoticePool.HIT_SUBJECTS);
    }

    private static List<Subject> subjects(PooledNotice notice) {
        NoticeJson json = NoticeJson.strict();
        return json.readHeader(json.readContainer(notice.container()).header()).subjects();
    }

    private static List<PooledNotice> concat(List<PooledNotice> a, List<PooledNotice> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** A sustained run outlasts the hub's 5-minute clock-skew window: each notice is created a minute before due. */
    @Test
    void aPacedPoolCreatesEachNoticeAMinuteBeforeItIsDue() {
        NoticePool pool = new NoticePool(pki, false);
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        List<PooledNotice> notices = pool.seal(30, 2, 1, 64, 0.1);   // one every 10 s

        for (int i = 0; i < notices.size(); i++) {
            Instant created = NoticeJson.strict().readHeader(
                    NoticeJson.strict().readContainer(notices.get(i).container()).header()).created();
            Instant due = before.plusSeconds(10L * i);
            assertThat(created).isBetween(due.minus(NoticePool.DUE_LEAD), due.minus(NoticePool.DUE_LEAD)
                    .plusSeconds(1));
        }
    }
}
