package se.samband.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonnummerShapeTest {
    /** Groups of all digits that are also a plausible date: a personnummer's shape inside a UUID's layout. */
    private static final String PNR_TAIL = "3f1c2a4e-8d7b-4c1a-9e2f-196408233234";
    private static final String PNR_HEAD = "19640823-3234-4c1a-9e2f-3f1c2a4e8d7b";

    @ParameterizedTest
    @ValueSource(strings = {"640823-3234", "6408233234", "196408233234", "19640823-3234", "640823+3234",
        "701063-2391", "KV-640823-3234", "c.6408233234"})
    void findsTheShapes(String text) {
        assertThat(PersonnummerShape.foundIn(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-0042", "12345678901", "1234567890123", "R-6413993234", "641323-3234"})
    void leavesOtherDigitRunsAlone(String text) {
        assertThat(PersonnummerShape.foundIn(text)).isFalse();
    }

    @Test
    void neverCountsAUuidWhereverItStands() {
        for (String uuid : List.of(PNR_TAIL, PNR_HEAD, PNR_TAIL.toUpperCase())) {
            for (String text : forms(uuid)) {
                assertThat(PersonnummerShape.foundIn(text)).as(text).isFalse();
            }
        }
    }

    /** About one random UUID in 700 holds a personnummer's shape; ids made from them must all pass. */
    @Test
    void passesEveryIdMadeFromRandomUuids() {
        Random random = new Random(20261207);
        List<String> found = new ArrayList<>();
        int shaped = 0;
        for (int i = 0; i < 50_000; i++) {
            String uuid = new UUID(random.nextLong(), random.nextLong()).toString();
            for (String text : forms(uuid)) {
                if (PersonnummerShape.foundIn(text)) {
                    found.add(text);
                }
            }
            // Read apart, the groups are no UUID: these are the ones that held a personnummer's shape.
            if (PersonnummerShape.foundIn(uuid.substring(0, 13)) || PersonnummerShape.foundIn(uuid.substring(24))) {
                shaped++;
            }
        }
        assertThat(shaped).as("UUIDs in the sample with a personnummer's shape").isGreaterThan(20);
        assertThat(found).isEmpty();
    }

    @Test
    void stillFindsAPersonnummerBesideOrInsteadOfAUuid() {
        assertThat(PersonnummerShape.foundIn("640823-3234:" + PNR_TAIL)).isTrue();
        assertThat(PersonnummerShape.foundIn(PNR_TAIL + ":640823-3234")).isTrue();
        assertThat(PersonnummerShape.foundIn(PNR_TAIL + "/" + PNR_HEAD + ".196408233234")).isTrue();
        // Touching a letter or digit, the layout is not a UUID: its groups are read as they stand.
        assertThat(PersonnummerShape.foundIn(PNR_TAIL + "z")).isTrue();
        assertThat(PersonnummerShape.foundIn("x" + PNR_HEAD)).isTrue();
        assertThat(PersonnummerShape.foundIn("3f1c2a4e-8d7b-4c1a-196408233234")).as("one group short").isTrue();
    }

    private static List<String> forms(String uuid) {
        return List.of(uuid, "kvv-" + uuid, uuid + ":v2", "c-" + uuid + ":v1", "KV/" + uuid + "/" + uuid);
    }
}
