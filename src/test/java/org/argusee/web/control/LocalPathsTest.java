package org.argusee.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalPathsTest {

    @Test
    void onlyLocalPathsAreFollowedAfterLogin() {
        assertEquals("/object.html?name=Top%3AA", LocalPaths.orRoot("/object.html?name=Top%3AA"));
        for (String bad : new String[] {
            null,
            "",
            "http://evil.example/",
            "//evil.example/",
            "/\\evil.example",
            "/a\r\nSet-Cookie: x",
            "javascript:alert(1)"
        }) {
            assertEquals("/", LocalPaths.orRoot(bad), String.valueOf(bad));
        }
    }

    @Test
    void logLinesCannotBeForged() {
        assertEquals("a?b", LocalPaths.printable("a\nb"));
        assertEquals(67, LocalPaths.printable("x".repeat(100)).length());
    }

    @Test
    void originsCompareSchemeHostAndPort() {
        assertTrue(Origins.sameOrigin("http", "127.0.0.1:8080", "http://127.0.0.1:8080", Set.of()));
        assertTrue(Origins.sameOrigin("https", "argus.example", "https://ARGUS.example:443", Set.of()));
        assertFalse(Origins.sameOrigin("https", "argus.example", "http://argus.example", Set.of()));
        assertFalse(Origins.sameOrigin("http", "127.0.0.1:8080", "http://127.0.0.1:8081", Set.of()));
        assertFalse(Origins.sameOrigin("http", "127.0.0.1:8080", "null", Set.of()));
        assertTrue(Origins.sameOrigin("ws", "127.0.0.1:8080", "http://127.0.0.1:8080", Set.of()));
        assertTrue(Origins.sameOrigin(null, "127.0.0.1:8080", "http://127.0.0.1:8080", Set.of()));
        assertTrue(Origins.sameOrigin(
                "http", "internal:8080", "https://argus.example", Origins.list(" https://argus.example , ")));
    }
}
