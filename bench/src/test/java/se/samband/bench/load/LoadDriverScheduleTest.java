package se.samband.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadDriverScheduleTest {

    @Test
    void sendersTakeTurnsSoThatTheOfferedLoadIsEvenlySpaced() {
        int senders = 4;
        double rate = 100;                     // notices/s over all senders: one every 10 ms
        long start = 1_000_000_000L;
        long perSenderInterval = (long) (1e9 / (rate / senders));
        List<Long> dues = new ArrayList<>();
        for (int sender = 0; sender < senders; sender++) {
            for (int i = 0; i < 3; i++) {
                dues.add(LoadDriver.firstDue(start, sender, rate) + i * perSenderInterval);
            }
        }
        dues.sort(Long::compare);

        for (int i = 1; i < dues.size(); i++) {
            assertThat(dues.get(i) - dues.get(i - 1)).isEqualTo(10_000_000L);
        }
    }

    @Test
    void asFastAsAcceptedEverySenderStartsAtOnce() {
        assertThat(LoadDriver.firstDue(5, 3, 0)).isEqualTo(5);
    }
}
