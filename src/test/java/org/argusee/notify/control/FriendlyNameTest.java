package org.argusee.notify.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;
import org.argusee.tree.control.ServiceType;
import org.junit.jupiter.api.Test;

/**
 * The default messages name an object as 3.7 does: seen beside argusd 3.7 (bench/notify-beside-argus37.sh), whose
 * services said "TCP/24101 on 127.0.0.1 is DOWN/critical" where this server said "basic is DOWN - connection
 * refused".
 */
class FriendlyNameTest {

    private static ParamLookup params(Map<String, String> m) {
        return k -> Optional.ofNullable(m.get(k));
    }

    private static String friendly(String type, String uname, Map<String, String> m) {
        return FriendlyName.of(type == null ? null : ServiceType.parse(type), uname, params(m));
    }

    @Test
    void tcpServicesByPortOrApplicationAndHost() {
        assertEquals(
                "TCP/24101 on 127.0.0.1", friendly("TCP", "basic", Map.of("port", "24101", "hostname", "127.0.0.1")));
        assertEquals("SMTP on 127.0.0.2", friendly("TCP/SMTP", "SMTP_127.0.0.2", Map.of("hostname", "127.0.0.2")));
        assertEquals("URL http://127.0.0.1/x", friendly("TCP/URL", "u", Map.of("url", "http://127.0.0.1/x")));
    }

    @Test
    void otherKindsAsTheOriginalNamesThem() {
        assertEquals(
                "DNS for example.com on 127.0.0.1",
                friendly("DNS", "d", Map.of("zone", "example.com", "hostname", "127.0.0.1")));
        assertEquals("test of argus internal idle", friendly("Self/idle", "Self_idle", Map.of()));
        assertEquals("grp", friendly(null, "grp", Map.of()), "groups and hosts by their name");
        assertEquals("Ping_127.0.0.1", friendly("Ping", "Ping_127.0.0.1", Map.of("hostname", "127.0.0.1")));
        assertEquals("front door", friendly("TCP", "x", Map.of("friendlyname", "front door", "port", "1")));
    }

    @Test
    void theDefaultMessagesAreTheOriginalsWordForWord() {
        Telling down = new Telling(Status.DOWN, Severity.CRITICAL);
        Telling up = new Telling(Status.UP, Severity.CLEAR);
        Map<String, String> p = Map.of("notify", "log:x");
        assertEquals("%o{friendlyname} is %s/%y", message(down, p));
        assertEquals("%o{friendlyname} is %s", message(up, p));
        assertEquals("%o{unique} is %s/%y", message(down, Map.of("notify", "log:x", "message_style", "long")));
        assertEquals("%o{uname} is %s", message(down, Map.of("notify", "log:x", "message_style", "short")));
        assertEquals("%o{uname} is %s", message(up, Map.of("notify", "log:x", "message_style", "short")));
    }

    private static String message(Telling t, Map<String, String> p) {
        return NotifyRules.plan(t, true, params(p), java.util.Set.of("log"))
                .orElseThrow()
                .message();
    }
}
