package se.samband.hub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

class BoundedBodyTest {
    private static final int LIMIT = 1000;

    @Test
    void readsABodyUpToTheLimit() throws IOException {
        byte[] body = new byte[LIMIT];
        body[LIMIT - 1] = 7;

        assertThat(BoundedBody.read(new ByteArrayInputStream(body), LIMIT, LIMIT)).isEqualTo(body);
        assertThat(BoundedBody.read(new ByteArrayInputStream(body), -1, LIMIT)).isEqualTo(body);
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReadingAByte() {
        CountingStream in = new CountingStream(LIMIT * 100L);

        assertThatThrownBy(() -> BoundedBody.read(in, LIMIT * 100L, LIMIT))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NOTICE_TOO_LARGE));
        assertThat(in.read).isZero();
    }

    @Test
    void refusesAnUndeclaredBodyAsSoonAsItPassesTheLimit() {
        CountingStream in = new CountingStream(LIMIT * 100L);

        assertThatThrownBy(() -> BoundedBody.read(in, -1, LIMIT))
                .isInstanceOfSatisfying(SambandException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NOTICE_TOO_LARGE));
        assertThat(in.read).isEqualTo(LIMIT + 1);
    }

    @Test
    void refusesABodyLongerThanItsDeclaredLengthAndTheLimit() {
        CountingStream in = new CountingStream(LIMIT * 2L);

        assertThatThrownBy(() -> BoundedBody.read(in, 10, LIMIT)).isInstanceOf(SambandException.class);
        assertThat(in.read).isEqualTo(LIMIT + 1);
    }

    /** An endless-looking body that counts what was taken from it. */
    private static final class CountingStream extends InputStream {
        private final long size;
        long read;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read >= size) {
                return -1;
            }
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - read);
            read += n;
            return n;
        }
    }
}
