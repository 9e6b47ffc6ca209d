package org.argusee.probe.control.tcp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a TCP probe has read so far, capped at {@link #CAP} so that a peer sending without end costs 64 KiB.
 * Text is ISO-8859-1: one char per byte, like the original's Perl strings, so binary answers survive for
 * {@code unpack} and nothing fails to decode.
 */
final class Received {

    static final int CAP = 64 * 1024;

    /** The first array a read gets; none before: most probes connect and read nothing (issue 17). */
    static final int FIRST = 512;

    private static final byte[] NONE = new byte[0];

    private byte[] bytes = NONE;
    private int size;

    int size() {
        return size;
    }

    int room() {
        return CAP - size;
    }

    boolean full() {
        return size >= CAP;
    }

    /** Takes what fits under the cap; the rest of {@code src} is left unread. */
    void append(ByteBuffer src) {
        int n = Math.min(src.remaining(), room());
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(CAP, Math.max(size + n, Math.max(FIRST, bytes.length * 2))));
        }
        src.get(bytes, size, n);
        size += n;
    }

    int indexOf(byte b, int from) {
        for (int i = Math.max(0, from); i < size; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    String text() {
        return new String(bytes, 0, size, StandardCharsets.ISO_8859_1);
    }

    /**
     * What {@code readhow: banner} tests: everything read by the time a line end came, without the line ends that
     * end it. The original tested its whole read buffer, so a greeting of several lines that came in one read
     * ({@code 220-...}, {@code 220 ...}) is tested whole there and here; a one-line greeting is that line.
     */
    String banner() {
        int end = size;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }
}
