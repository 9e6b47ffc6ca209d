package org.argusee.notify.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.argusee.status.control.DisplayState;
import org.argusee.status.control.DisplayStatus;
import org.argusee.status.control.Severity;
import org.junit.jupiter.api.Test;

class AuditTest {

    private static final Set<String> METHODS = Set.of("mail", "log", "auditlog");
    private static final DisplayStatus UP = new DisplayStatus(DisplayState.UP, Severity.CLEAR, null);
    private static final DisplayStatus DOWN = new DisplayStatus(DisplayState.DOWN, Severity.CRITICAL, null);
    private static final DisplayStatus OVERRIDE = new DisplayStatus(DisplayState.OVERRIDE, Severity.CRITICAL, null);

    private static Optional<Audit> audit(DisplayStatus before, DisplayStatus now, boolean service, String... kv) {
        java.util.HashMap<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return Audit.of(before, now, service, k -> Optional.ofNullable(m.get(k)), METHODS);
    }

    @Test
    void everyChangeOfWhatIsShownGoesToTheAuditAddresses() {
        Audit a =
                audit(UP, DOWN, true, "notifyaudit", "auditlog:x me@localhost").orElseThrow();
        assertEquals("audit: up/clear -> down/critical", a.message());
        assertEquals(
                List.of(new Destination("auditlog", "x"), new Destination("mail", "me@localhost")), a.destinations());
        assertEquals("%i %t - %m", a.format());
        assertEquals(
                "audit: down/critical -> override/critical",
                audit(DOWN, OVERRIDE, true, "notifyaudit", "log:a")
                        .orElseThrow()
                        .message(),
                "override is audited though never told");
    }

    @Test
    void noChangeNoAddressesOrNotSentNothing() {
        assertTrue(audit(UP, DOWN, true).isEmpty(), "no notifyaudit");
        assertTrue(audit(null, DOWN, true, "notifyaudit", "log:a").isEmpty(), "a first status");
        assertTrue(audit(DOWN, DOWN, true, "notifyaudit", "log:a").isEmpty());
        assertTrue(audit(UP, DOWN, false, "notifyaudit", "log:a").isEmpty(), "a group without sendnotify");
        assertTrue(audit(UP, DOWN, false, "notifyaudit", "log:a", "sendnotify", "yes")
                .isPresent());
        assertTrue(audit(UP, DOWN, true, "notifyaudit", "log:a", "sendnotify", "no")
                .isEmpty());
    }
}
