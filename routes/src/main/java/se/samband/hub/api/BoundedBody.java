package se.samband.hub.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * Reads a request body up to the container limit and no further: a declared length over the limit is refused
 * unread, and a body without one (chunked) is refused as soon as it passes the limit.
 */
final class BoundedBody {
    private static final int CHUNK = 16 * 1024;

    private BoundedBody() {
    }

    static byte[] read(InputStream in, long declaredLength, int maxBytes) throws IOException {
        if (declaredLength > maxBytes) {
            throw tooLarge(declaredLength + " declared", maxBytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : CHUNK);
        byte[] buffer = new byte[CHUNK];
        int total = 0;
        int read;
        while ((read = in.read(buffer, 0, Math.min(buffer.length, maxBytes + 1 - total))) > 0) {
            total += read;
            if (total > maxBytes) {
                throw tooLarge("more than " + maxBytes + " sent", maxBytes);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static SambandException tooLarge(String size, int maxBytes) {
        return new SambandException(ErrorCode.NOTICE_TOO_LARGE, "request body " + size + ", limit " + maxBytes);
    }
}
