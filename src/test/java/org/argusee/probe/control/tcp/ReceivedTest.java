package org.argusee.probe.control.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a probe has read, its array made at the first read only: the same text, lines and cap as before. */
class ReceivedTest {

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void nothingReadIsEmpty() {
        Received in = new Received();
        assertEquals(0, in.size());
        assertEquals("", in.text());
        assertEquals("", in.banner());
        assertEquals(-1, in.indexOf((byte) '\n', 0));
        assertEquals(Received.CAP, in.room());
    }

    /** As the original's whole read buffer: every line that came with the first line end (docs/parity.md). */
    @Test
    void theBannerIsEverythingReadWithoutTheLineEndsAtItsEnd() {
        Received in = new Received();
        in.append(bytes("220-mail.example.com\r\n220 ESMTP ready\r\n"));
        assertEquals("220-mail.example.com\r\n220 ESMTP ready", in.banner());
        Received bare = new Received();
        bare.append(bytes("ready\n"));
        assertEquals("ready", bare.banner());
    }

    @Test
    void chunksGrowTheArrayUpToTheCap() {
        Received in = new Received();
        in.append(bytes("220 ready\r\n"));
        assertEquals("220 ready", in.banner());
        String big = "x".repeat(3 * Received.FIRST);
        in.append(bytes(big));
        assertEquals("220 ready\r\n" + big, in.text());
        in.append(bytes("y".repeat(Received.CAP)));
        assertTrue(in.full());
        assertEquals(Received.CAP, in.size());
    }
}
