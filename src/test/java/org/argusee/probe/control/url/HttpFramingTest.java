package org.argusee.probe.control.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpFramingTest {

    @Test
    void aContentLengthEndsTheAnswerWhateverTheChunks() {
        HttpFraming f = new HttpFraming();
        assertFalse(f.test(bytes("HTTP/1.1 200 OK\r\nContent-")));
        assertFalse(f.test(bytes("Length: 10\r\n\r\nhello")));
        assertTrue(f.test(bytes("world")));
    }

    @Test
    void noBodyStatusesEndAtTheHead() {
        assertTrue(new HttpFraming().test(bytes("HTTP/1.1 304 Not Modified\r\nETag: x\r\n\r\n")));
        assertTrue(new HttpFraming().test(bytes("HTTP/1.0 204 No Content\n\n")));
    }

    @Test
    void withoutALengthTheEndOfTheConnectionDecides() {
        HttpFraming chunked = new HttpFraming();
        assertFalse(chunked.test(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n")));
        assertFalse(chunked.test(bytes("5\r\nhello\r\n0\r\n\r\n")));
        assertFalse(new HttpFraming().test(bytes("HTTP/1.0 200 OK\r\n\r\nall of it")));
        assertFalse(new HttpFraming().test(bytes("SSH-2.0-not http\r\n\r\n")));
    }

    @Test
    void theHeadGivesStatusAndLocation() {
        HttpHead h = HttpHead.parse("HTTP/1.1 301 Moved\r\nServer: x\r\nlocation:  /new \r\n\r\nLocation: /body")
                .orElseThrow();
        assertEquals(301, h.status());
        assertEquals("/new", h.location());
        assertTrue(h.redirect());
        HttpHead noLocation = HttpHead.parse("HTTP/1.0 302 Found\r\n\r\nLocation: /in-the-body")
                .orElseThrow();
        assertNull(noLocation.location());
        assertFalse(noLocation.redirect());
        assertTrue(HttpHead.parse("220 smtp ready\r\n").isEmpty());
        assertEquals("HTTP/1.1 500 Oops?", HttpHead.firstLine("HTTP/1.1 500 Oops\u0007\r\nX: y"));
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
