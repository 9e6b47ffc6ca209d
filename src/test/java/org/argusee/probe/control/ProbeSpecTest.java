package org.argusee.probe.control;

import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.argusee.probe.control.net.ReadHow;
import org.argusee.tree.control.ServiceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeSpecTest {

    @ParameterizedTest
    @CsvSource({
        "TCP/SMTP, 25",
        "TCP/FTP, 21",
        "TCP/POP, 110",
        "TCP/IMAP, 143",
        "TCP/NNTP, 119",
        "TCP/HTTP, 80",
        "TCP/SSH, 22",
        "TCP/Telnet, 23",
        "TCP/Whois, 43",
        "TCP/LPD, 515",
        "TCP/NFS, 2049",
        "TCP/HTTPS, 443",
        "UDP/DNS, 53",
        "UDP/NTP, 123",
        "UDP/RADIUS, 1645",
        "UDP/SNMP, 161",
        "UDP/Portmap, 111"
    })
    void appsHaveTheirDefaultPort(String type, int port) {
        assertEquals(port, spec(type).port());
    }

    @Test
    void portParameterWins() {
        assertEquals(2525, spec("TCP/SMTP", "port", "2525").port());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1", "smtp", "25x"})
    void badPortIsNamed(String port) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec("TCP/SMTP", "port", port));
        assertTrue(e.getMessage().startsWith("bad port '" + port + "'"), e.getMessage());
    }

    @Test
    void plainTcpAndUdpNeedAPort() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> spec("TCP"))
                .getMessage()
                .contains("'port'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> spec("UDP", "send", "x"))
                .getMessage()
                .contains("'port'"));
    }

    @Test
    void hostnameIsRequired() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ProbeSpec.of(ServiceType.parse("TCP/SMTP"), Map.of()));
        assertTrue(e.getMessage().contains("'hostname'"), e.getMessage());
    }

    @Test
    void plainUdpNeedsSomethingToSend() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec("UDP", "port", "7"));
        assertTrue(e.getMessage().contains("'send'"), e.getMessage());
    }

    @Test
    void timeoutDefaultsToAMinuteAndTakesArgusTimes() {
        assertEquals(Duration.ofSeconds(60), spec("TCP/SMTP").timeout());
        assertEquals(
                Duration.ofSeconds(90), spec("TCP/SMTP", "timeout", "1m30s").timeout());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> spec("TCP/SMTP", "timeout", "soon"))
                .getMessage()
                .startsWith("bad timeout"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> spec("TCP/SMTP", "timeout", "0"))
                .getMessage()
                .startsWith("bad timeout"));
    }

    @Test
    void appDefaultsForSendExpectAndReadhow() {
        ProbeSpec smtp = spec("TCP/SMTP");
        assertEquals("^220", smtp.expect().pattern());
        assertEquals(ReadHow.BANNER, smtp.readhow());
        assertNull(smtp.send());
        ProbeSpec http = spec("TCP/HTTP");
        assertEquals("HEAD / HTTP/1.0\r\n\r\n", http.send());
        assertEquals(ReadHow.TOEOF, http.readhow());
        assertFalse(spec("TCP/Telnet").reads(), "connect only");
    }

    @Test
    void userSettingsOverrideTheApp() {
        ProbeSpec s = spec("TCP/SMTP", "expect", "ESMTP", "readhow", "once", "send", "EHLO x\r\n");
        assertEquals("ESMTP", s.expect().pattern());
        assertEquals(ReadHow.ONCE, s.readhow());
        assertEquals("EHLO x\r\n", s.send());
    }

    @Test
    void expectAfterPluckIsLeftToTheResultChecks() {
        ProbeSpec s = spec("TCP/SMTP", "expect", "^5", "pluck", "(\\d+)");
        assertEquals("^220", s.expect().pattern(), "the app's own rule still applies to the raw answer");
        assertNull(spec("TCP", "port", "87", "expect", "x", "pluck", "(x)").expect());
    }

    @Test
    void readsWhenTheUserWantsData() {
        assertFalse(spec("TCP", "port", "87").reads());
        assertTrue(spec("TCP", "port", "87", "send", "HELO\n").reads());
        assertTrue(spec("TCP", "port", "87", "maxvalue.critical", "3").reads());
        assertTrue(spec("TCP/Telnet", "readhow", "banner").reads());
    }

    @Test
    void badReadhowAndExpectAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> spec("TCP/SMTP", "readhow", "all"))
                .getMessage()
                .startsWith("bad readhow 'all'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> spec("TCP/SMTP", "expect", "(unclosed"))
                .getMessage()
                .startsWith("bad expect '(unclosed'"));
    }

    @Test
    void sslFromTheAppOrTheParameter() {
        assertTrue(spec("TCP/IMAPS").ssl());
        assertTrue(spec("TCP/SMTP", "ssl", "yes").ssl());
        assertFalse(spec("TCP/SMTP", "ssl", "no").ssl());
    }

    @Test
    void certificateOptionsAreCheckedWithTheSpec() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> spec("TCP/POPS", "ssl_expiry", "soon"))
                .getMessage()
                .startsWith("bad ssl_expiry 'soon'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> spec("TCP/POPS", "ssl_value", "issuer"))
                .getMessage()
                .startsWith("bad ssl_value 'issuer'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> spec("TCP/SMTP", "ssl_value", "days"))
                .getMessage()
                .contains("ssl: yes"));
    }

    @Test
    void sslValueMakesTheValueTestsAboutTheCertificate() {
        ProbeSpec s = spec("TCP/SSL", "ssl_value", "days", "minvalue", "14", "expect", "^1");
        assertFalse(s.reads(), "the days need no data read");
        assertNull(s.expect(), "the user's expect is about the days, left to the result checks");
        assertEquals(
                "^\\+OK",
                spec("TCP/POPS", "ssl_value", "days", "expect", "x").expect().pattern());
    }

    @Test
    void ipversionPreference() {
        assertEquals(List.of(4, 6), spec("TCP/SMTP").ipversions());
        assertEquals(List.of(6, 4), spec("TCP/SMTP", "ipversion", "6 4").ipversions());
        assertEquals(List.of(6), spec("TCP/SMTP", "ipversion", "6").ipversions());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> spec("TCP/SMTP", "ipversion", "5"))
                .getMessage()
                .startsWith("bad ipversion"));
    }

    @Test
    void keepsEveryParameter() {
        assertEquals(
                "private",
                spec("UDP/SNMP", "community", "private").param("community").orElseThrow());
    }
}
