package se.samband.demo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samband.security.identity.Personnummer;

class PeopleTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void everyMadeUpPersonHasADistinctValidPersonnummer() throws IllegalAccessException {
        List<String> numbers = new ArrayList<>();
        for (Field field : People.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                numbers.add((String) field.get(null));
            }
        }

        assertThat(numbers).hasSizeGreaterThan(8).doesNotHaveDuplicates();
        for (String number : numbers) {
            assertThat(Personnummer.parse(number, TODAY).normalized()).hasSize(12);
        }
    }

    @Test
    void theChildOfScenarioSixIsUnderEighteen() {
        assertThat(Personnummer.parse(People.HALMSTAD_CHILD, TODAY).birthDate()).isAfter(TODAY.minusYears(18));
    }
}
