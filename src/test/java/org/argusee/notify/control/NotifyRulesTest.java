package org.argusee.notify.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.argusee.status.control.DisplayState;
import org.argusee.status.control.DisplayStatus;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;
import org.junit.jupiter.api.Test;

class NotifyRulesTest {

    private static final Set<String> METHODS = Set.of("mail", "log", "null", "webhook", "qpage");
    private static final DisplayStatus UP = new DisplayStatus(DisplayState.UP, Severity.CLEAR, null);
    private static final DisplayStatus DOWN = new DisplayStatus(DisplayState.DOWN, Severity.CRITICAL, null);
    private static final DisplayStatus MINOR = new DisplayStatus(DisplayState.DOWN, Severity.MINOR, null);
    private static final DisplayStatus OVERRIDE = new DisplayStatus(DisplayState.OVERRIDE, Severity.CLEAR, null);
    private static final DisplayStatus DEPENDS = new DisplayStatus(DisplayState.DEPENDS, Severity.WARNING, "Top:gw");

    private static ParamLookup params(Map<String, String> m) {
        return k -> Optional.ofNullable(m.get(k));
    }

    @Test
    void onlyShownDownsAndTheirRecoveriesAreTold() {
        assertEquals(new Telling(Status.DOWN, Severity.CRITICAL), Telling.of(UP, DOWN, false));
        assertEquals(new Telling(Status.DOWN, Severity.CRITICAL), Telling.of(null, DOWN, false));
        assertEquals(new Telling(Status.DOWN, Severity.CRITICAL), Telling.of(MINOR, DOWN, false));
        assertEquals(new Telling(Status.UP, Severity.CLEAR), Telling.of(DOWN, UP, false));
        assertNull(Telling.of(UP, DOWN, true), "under an override");
        assertNull(Telling.of(UP, DEPENDS, false), "depends");
        assertNull(Telling.of(DEPENDS, UP, false), "nobody was told of the depends");
        assertNull(Telling.of(OVERRIDE, UP, false));
        assertNull(Telling.of(DOWN, DOWN, false));
        assertNull(Telling.of(null, UP, false));
    }

    @Test
    void destinationsFollowTheOriginalsOrder() {
        ParamLookup p = params(Map.of(
                "notify",
                "ops@example.org",
                "notify.critical",
                "qpage:bob",
                "notifyup",
                "mail:up@example.org",
                "notifyalso",
                "log:audit mail:up@example.org"));
        NotifyPlan down = NotifyRules.plan(new Telling(Status.DOWN, Severity.CRITICAL), true, p, METHODS)
                .orElseThrow();
        assertEquals(
                List.of(
                        new Destination("qpage", "bob"),
                        new Destination("log", "audit"),
                        new Destination("mail", "up@example.org")),
                down.destinations());
        NotifyPlan minor = NotifyRules.plan(new Telling(Status.DOWN, Severity.MINOR), true, p, METHODS)
                .orElseThrow();
        assertEquals(
                new Destination("mail", "ops@example.org"), minor.destinations().get(0), "bare = mail");
        NotifyPlan up = NotifyRules.plan(new Telling(Status.UP, Severity.CLEAR), true, p, METHODS)
                .orElseThrow();
        assertEquals(
                new Destination("mail", "up@example.org"), up.destinations().get(0));
        assertTrue(up.autoack(), "up messages never wait for an acknowledgement");
        assertNull(up.renotifySeconds());
        assertFalse(down.autoack());
        assertEquals(300, down.renotifySeconds());
    }

    @Test
    void groupsOnlyWithSendnotifyAndNeverPassiveOrSilenced() {
        Telling down = new Telling(Status.DOWN, Severity.CRITICAL);
        assertTrue(NotifyRules.plan(down, false, params(Map.of("notify", "a@b")), METHODS)
                .isEmpty());
        assertTrue(NotifyRules.plan(down, false, params(Map.of("notify", "a@b", "sendnotify", "yes")), METHODS)
                .isPresent());
        assertTrue(NotifyRules.plan(down, true, params(Map.of("notify", "a@b", "sendnotify.critical", "no")), METHODS)
                .isEmpty());
        assertTrue(NotifyRules.plan(down, true, params(Map.of("notify", "a@b", "passive", "yes")), METHODS)
                .isEmpty());
        assertTrue(NotifyRules.plan(down, true, params(Map.of("notify", "a@b", "messagedn", "")), METHODS)
                .isEmpty());
        assertTrue(NotifyRules.plan(down, true, params(Map.of("notify", "none")), METHODS)
                .isEmpty());
        assertTrue(NotifyRules.plan(down, true, params(Map.of()), METHODS).isEmpty());
    }

    @Test
    void timesAndAcksAtTheSeverity() {
        NotifyPlan p = NotifyRules.plan(
                        new Telling(Status.DOWN, Severity.MAJOR),
                        true,
                        params(Map.of(
                                "notify",
                                "a@b",
                                "renotify",
                                "10m",
                                "renotify.major",
                                "60",
                                "escalate.major",
                                "30 mail:boss",
                                "ackonup",
                                "yes",
                                "unack_timeout",
                                "0",
                                "autoack.minor",
                                "yes",
                                "ack_on_worse.major",
                                "yes")),
                        METHODS)
                .orElseThrow();
        assertEquals(60, p.renotifySeconds());
        assertEquals("30 mail:boss", p.escalate());
        assertTrue(p.ackonup());
        assertTrue(p.ackOnWorse(), "ack_on_worse at the severity");
        assertFalse(p.ackOnBetter());
        assertNull(p.unackTimeout(), "0 means never");
        assertFalse(p.autoack());
    }

    @Test
    void escalationStepsInMinutesOrTimespecs() {
        List<Escalation> steps = Escalation.parse("30 qpage:manager qpage:noc;  90s qpage:ceo", METHODS);
        assertEquals(1800, steps.get(0).afterSeconds());
        assertEquals(
                List.of(new Destination("qpage", "manager"), new Destination("qpage", "noc")),
                steps.get(0).destinations());
        assertEquals(90, steps.get(1).afterSeconds());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Escalation.parse("soon mail:x", METHODS));
        assertTrue(e.getMessage().contains("'soon'"), e.getMessage());
    }

    @Test
    void destinationsParseAsTheOriginal() {
        assertEquals(new Destination("mail", "a@b"), Destination.parse("a@b", METHODS));
        assertEquals(new Destination("log", "nobody"), Destination.parse("log", METHODS));
        assertEquals(
                new Destination("webhook", "http://127.0.0.1:9/x"),
                Destination.parse("webhook:http://127.0.0.1:9/x", METHODS));
    }
}
