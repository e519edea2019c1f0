package se.samband.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The hub under test gets the collector `samband hub` gives it, unless the bench's options choose one. */
class HubCollectorTest {

    @Test
    void addsShenandoahWhereTheJvmHasItAndNoCollectorIsChosen() {
        assertThat(HubUnderTest.withDefaultCollector(List.of("-XX:+AlwaysPreTouch"), () -> true))
                .containsExactly("-XX:+UseShenandoahGC", "-XX:+AlwaysPreTouch");
        assertThat(HubUnderTest.withDefaultCollector(List.of(), () -> false)).as("a JVM without it").isEmpty();
    }

    @Test
    void leavesAChosenCollectorAlone() {
        List<String> g1 = List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20");
        assertThat(HubUnderTest.withDefaultCollector(g1, () -> true)).isEqualTo(g1);
        assertThat(HubUnderTest.withDefaultCollector(List.of("-XX:+UseZGC"), () -> true))
                .containsExactly("-XX:+UseZGC");
    }

    @Test
    void theProbeTellsAnOptionThisJvmTakesFromOneItRefuses() {
        assertThat(HubUnderTest.runs(HubUnderTest.JAVA, "-XX:+UseSerialGC", "-version")).isTrue();
        assertThat(HubUnderTest.runs(HubUnderTest.JAVA, "-XX:+UseNoSuchCollectorGC", "-version")).isFalse();
    }
}
