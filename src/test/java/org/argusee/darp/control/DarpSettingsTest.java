package org.argusee.darp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DarpSettingsTest {

    private static DarpSettings settings(String tag, String url, String secret) {
        DarpSettings s = new DarpSettings();
        s.configuredTag = Optional.ofNullable(tag);
        s.masterUrl = Optional.ofNullable(url);
        s.masterTag = Optional.empty();
        s.masterSecret = Optional.ofNullable(secret);
        s.masterFrequency = 10;
        s.masterTimeout = 60;
        s.masterRetries = 2;
        return s;
    }

    @Test
    void standaloneByDefaultWithTheHostNameAsTag() {
        DarpSettings s = settings(null, null, null);
        s.check();
        assertFalse(s.tag().isBlank());
        assertFalse(s.hasMaster());
    }

    @Test
    void slaveWithMaster() {
        DarpSettings s = settings("slave1", "https://master.example.com:8443/", "secret-password");
        s.check();
        assertEquals("slave1", s.tag());
        assertTrue(s.hasMaster());
        assertEquals("master.example.com", s.masterUrl().orElseThrow().getHost());
    }

    /** Issue 16: both servers of an active/standby master pair, in the order tried; each URL checked. */
    @Test
    void theMastersOfAPairAreListedInOrderAndEachIsChecked() {
        DarpSettings s = settings("slave1", " http://127.0.0.1:8080/ , http://127.0.0.2:8080/", "secret-password");
        s.check();
        assertEquals(
                List.of("http://127.0.0.1:8080/", "http://127.0.0.2:8080/"),
                s.masterUrls().stream().map(Object::toString).toList());
        assertEquals("127.0.0.1", s.masterUrl().orElseThrow().getHost());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> settings(
                        "slave1", "http://127.0.0.1:8080/,http://master.example.com:8080/", "secret-password")
                .check());
        assertTrue(e.getMessage().contains("'http://master.example.com:8080/'"), e.getMessage());
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedNamingTheSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> settings(
                        "slave1", "http://master.example.com:8080/", "secret-password")
                .check());
        assertTrue(e.getMessage().contains("argus.darp.master.url"), e.getMessage());
        assertTrue(e.getMessage().contains("argus.darp.allow-plain-http"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-password"));
    }

    @Test
    void plainHttpIsAllowedOnLoopbackOrByTheSetting() {
        for (String url : List.of("http://127.0.0.1:8080/", "http://localhost:8080/", "http://[::1]:8080/")) {
            settings("slave1", url, "secret-password").check();
        }
        DarpSettings allowed = settings("slave1", "http://master.example.com:8080/", "secret-password");
        allowed.allowPlainHttp = true;
        allowed.check();
        assertTrue(allowed.hasMaster());
    }

    @Test
    void aNameThatOnlyLooksLikeLoopbackIsNotLoopback() {
        assertThrows(IllegalStateException.class, () -> settings("s1", "http://127.0.0.1.example.com/", "secret-pw")
                .check());
        assertThrows(IllegalStateException.class, () -> settings("s1", "http://localhost.example.com/", "secret-pw")
                .check());
    }

    @Test
    void badTagNamesTheSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> settings("bad tag", null, null)
                .check());
        assertTrue(e.getMessage().contains("argus.darp.tag"), e.getMessage());
    }

    @Test
    void masterWithoutSecretIsRefusedWithoutShowingAnything() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> settings("s1", "http://master:8080/", null)
                        .check());
        assertTrue(e.getMessage().contains("argus.darp.master.secret"), e.getMessage());
    }

    @Test
    void secretNeverAppearsInErrors() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> settings("s1", "ftp://master/", "very-secret-value")
                        .check());
        assertTrue(e.getMessage().contains("argus.darp.master.url"), e.getMessage());
        assertFalse(e.getMessage().contains("very-secret-value"));
    }
}
