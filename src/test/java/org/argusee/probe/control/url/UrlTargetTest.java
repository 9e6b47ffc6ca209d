package org.argusee.probe.control.url;

import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.tree.control.ServiceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlTargetTest {

    @ParameterizedTest
    @CsvSource({
        "http://www.example.com/cgi-bin/dbtest.pl, false, www.example.com, 80, /cgi-bin/dbtest.pl",
        "https://Shop.Example.com, true, shop.example.com, 443, /",
        "http://www.example.com/store/dept.asp?dept%5Fid=9, false, www.example.com, 80, /store/dept.asp?dept%5Fid=9",
        "HTTP://h:8080/a#part, false, h, 8080, /a",
        "https://[::1]:8443/x?y, true, [::1], 8443, /x?y"
    })
    void parsesWhatTheOriginalsConfigsWrite(String url, boolean https, String host, int port, String target) {
        UrlTarget t = UrlTarget.parse(url);
        assertEquals(https, t.https());
        assertEquals(host, t.host());
        assertEquals(port, t.port());
        assertEquals(target, t.target());
        assertNull(t.userInfo());
    }

    @Test
    void badUrlsAreNamedWithoutTheirPassword() {
        assertEquals(
                "TCP/URL needs a url: set 'url'",
                assertThrows(IllegalArgumentException.class, () -> UrlTarget.parse(" "))
                        .getMessage());
        String ftp = assertThrows(IllegalArgumentException.class, () -> UrlTarget.parse("ftp://u:secret@h/"))
                .getMessage();
        assertEquals("bad url 'ftp://***@h/': use an http:// or https:// URL", ftp);
        String spaces = assertThrows(IllegalArgumentException.class, () -> UrlTarget.parse("http://h/a b"))
                .getMessage();
        assertTrue(spaces.startsWith("bad url 'http://h/a b': "), spaces);
    }

    @Test
    void credentialsStayOutOfItsText() {
        UrlTarget t = UrlTarget.parse("http://monitor:s%40cret@h:81/p");
        assertEquals("monitor:s%40cret", t.userInfo());
        assertEquals("http://h:81/p", t.toString());
    }

    @Test
    void redirectsResolveAgainstTheUrl() {
        UrlTarget t = UrlTarget.parse("http://h/a/b?q=1");
        assertEquals("http://h/a/c", t.resolve("c").toString());
        assertEquals("http://h/d", t.resolve("/d").toString());
        assertEquals("https://other:8443/e", t.resolve("https://other:8443/e").toString());
        assertEquals("http://third/f", t.resolve("//third/f").toString());
        assertTrue(t.sameOrigin(t.resolve("/d")));
        assertFalse(t.sameOrigin(t.resolve("https://h/d")));
        assertEquals(
                "cannot follow redirect to 'mailto:x@y': use an http:// or https:// URL",
                assertThrows(IllegalArgumentException.class, () -> t.resolve("mailto:x@y"))
                        .getMessage());
    }

    @Test
    void theSpecTakesHostAndPortFromTheUrl() {
        ProbeSpec s = ProbeSpec.of(ServiceType.parse("TCP/URL"), Map.of("url", "https://www.example.com:8443/x"));
        assertEquals("www.example.com", s.hostname());
        assertEquals(8443, s.port());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> spec("TCP/URL"))
                .getMessage()
                .contains("set 'url'"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> spec("TCP/URL", "url", "http://h/", "http_version", "2"))
                .getMessage()
                .startsWith("bad http_version '2'"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> spec("TCP/URL", "url", "http://h/", "browser", "x\r\nEvil: 1"))
                .getMessage()
                .startsWith("bad browser"));
    }
}
