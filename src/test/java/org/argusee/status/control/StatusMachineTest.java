package org.argusee.status.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusMachineTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final CheckResult OK = CheckResult.passed();
    private static final CheckResult REFUSED = CheckResult.failed(Severity.CRITICAL, "connection refused");

    /** Applies the checks one a minute from T0 and returns every step. */
    private static StatusStep[] run(Map<String, String> params, CheckResult... checks) {
        StatusStep[] steps = new StatusStep[checks.length];
        ServiceStatus s = ServiceStatus.initial(T0);
        for (int i = 0; i < checks.length; i++) {
            steps[i] = StatusMachine.apply(s, checks[i], params, T0.plusSeconds(60L * (i + 1)));
            s = steps[i].next();
        }
        return steps;
    }

    @Test
    void downOnlyAfterRetriesPlusOneFailures() {
        StatusStep[] s = run(Map.of(), REFUSED, REFUSED, REFUSED, REFUSED);
        assertEquals(Status.UP, s[0].next().status());
        assertEquals(1, s[0].next().failures());
        assertTrue(s[0].transition().isEmpty());
        assertTrue(s[1].transition().isEmpty());
        assertEquals(Status.DOWN, s[2].next().status());
        Transition t = s[2].transition().orElseThrow();
        assertEquals(
                new Transition(
                        Status.UP,
                        Severity.CLEAR,
                        Status.DOWN,
                        Severity.CRITICAL,
                        "connection refused",
                        T0.plusSeconds(180)),
                t);
        assertEquals("down/critical", t.label());
        assertEquals(T0.plusSeconds(180), s[2].next().since());
        assertTrue(s[3].transition().isEmpty(), "still down, same severity: nothing new");
        assertEquals(T0.plusSeconds(180), s[3].next().since());
    }

    @Test
    void retriesParameterIsHonoured() {
        StatusStep[] none = run(Map.of("retries", "0"), REFUSED);
        assertEquals(Status.DOWN, none[0].next().status());
        StatusStep[] five = run(Map.of("retries", "5"), REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED);
        assertEquals(Status.UP, five[4].next().status());
        assertEquals(Status.DOWN, five[5].next().status());
    }

    @Test
    void badRetriesFallsBackToTwo() {
        assertEquals(2, StatusMachine.retries(Map.of("retries", "many")));
        assertEquals(2, StatusMachine.retries(Map.of("retries", "-1")));
        assertEquals(0, StatusMachine.retries(Map.of("retries", " 0 ")));
    }

    @Test
    void aSuccessBetweenFailuresStartsTheCountAgain() {
        StatusStep[] s = run(Map.of(), REFUSED, REFUSED, OK, REFUSED, REFUSED);
        assertEquals(0, s[2].next().failures());
        assertEquals(Status.UP, s[4].next().status());
        assertTrue(s[4].transition().isEmpty());
    }

    @Test
    void upAgainOnTheFirstSuccess() {
        StatusStep[] s = run(Map.of("retries", "0"), REFUSED, OK);
        Transition t = s[1].transition().orElseThrow();
        assertEquals(Status.DOWN, t.from());
        assertEquals(Severity.CRITICAL, t.fromSeverity());
        assertEquals(Status.UP, t.to());
        assertEquals(Severity.CLEAR, t.toSeverity());
        assertNull(s[1].next().reason());
        assertEquals(T0.plusSeconds(120), s[1].next().since());
    }

    @Test
    void severityChangeWhileDownIsATransitionAtOnce() {
        CheckResult warning = CheckResult.failed(Severity.WARNING, "more than max");
        StatusStep[] s = run(Map.of("retries", "1"), REFUSED, REFUSED, warning, warning);
        assertEquals(Severity.CRITICAL, s[1].next().severity());
        Transition t = s[2].transition().orElseThrow();
        assertEquals(Status.DOWN, t.from());
        assertEquals(Severity.CRITICAL, t.fromSeverity());
        assertEquals(Status.DOWN, t.to());
        assertEquals(Severity.WARNING, t.toSeverity());
        assertEquals("more than max", s[2].next().reason());
        assertEquals(T0.plusSeconds(120), s[2].next().since(), "status did not change");
        assertTrue(s[3].transition().isEmpty());
    }

    @Test
    void reasonChangeAloneIsNoTransitionButIsKept() {
        StatusStep[] s = run(Map.of("retries", "0"), REFUSED, CheckResult.failed(Severity.CRITICAL, "timeout"));
        assertTrue(s[1].transition().isEmpty());
        assertEquals("timeout", s[1].next().reason());
    }

    @Test
    void retryDelayIsReturnedOnlyWhileRetrying() {
        Map<String, String> p = Map.of("retrydelay", "10s");
        StatusStep[] s = run(p, REFUSED, REFUSED, REFUSED, REFUSED, OK);
        assertEquals(Optional.of(Duration.ofSeconds(10)), s[0].retryIn());
        assertEquals(Optional.of(Duration.ofSeconds(10)), s[1].retryIn());
        assertTrue(s[2].retryIn().isEmpty(), "down now: back to the regular frequency");
        assertTrue(s[3].retryIn().isEmpty());
        assertTrue(s[4].retryIn().isEmpty());
        assertEquals(Optional.of(Duration.ZERO), run(Map.of("retrydelay", "0"), REFUSED)[0].retryIn());
        assertTrue(run(Map.of(), REFUSED)[0].retryIn().isEmpty());
        assertTrue(run(Map.of("retrydelay", "soon"), REFUSED)[0].retryIn().isEmpty());
    }

    @Test
    void whileRetryingTheReasonOfTheLastFailureIsKept() {
        StatusStep[] s = run(Map.of(), REFUSED);
        assertEquals("connection refused", s[0].next().reason());
        assertEquals(Severity.CLEAR, s[0].next().severity());
    }

    @Test
    void pendingChangesNothing() {
        CheckResult pending = new CheckResult(true, Severity.CLEAR, "first sample", true, false);
        StatusStep[] s = run(Map.of("retrydelay", "5s"), REFUSED, pending, REFUSED, REFUSED);
        assertSame(s[0].next(), s[1].next());
        assertTrue(s[1].transition().isEmpty());
        assertEquals(Optional.of(Duration.ofSeconds(5)), s[1].retryIn(), "still retrying");
        assertEquals(Status.DOWN, s[3].next().status(), "the pending check did not reset the count");
        StatusStep alone = StatusMachine.apply(ServiceStatus.initial(T0), pending, Map.of("retrydelay", "5s"), T0);
        assertTrue(alone.retryIn().isEmpty());
    }

    @Test
    void invertedAnswerGoesDownAtOnceAndNeedsRetriesToComeUp() {
        CheckResult answered = new CheckResult(false, Severity.MAJOR, "status inverted: test passed", false, true);
        CheckResult silent = new CheckResult(true, Severity.CLEAR, "status inverted: timeout", false, true);
        StatusStep[] s = run(Map.of(), answered, silent, silent, silent);
        assertEquals(Status.DOWN, s[0].next().status());
        assertEquals(Severity.MAJOR, s[0].transition().orElseThrow().toSeverity());
        assertEquals(Status.DOWN, s[1].next().status());
        assertEquals(Status.DOWN, s[2].next().status());
        assertEquals(Status.UP, s[3].next().status());
        assertTrue(s[3].transition().isPresent());
    }

    /** A service is shown unknown until a reply settles it; an inverted one whose probe fails settles up. */
    @Test
    void anInvertedServiceWhoseProbeFailsIsSettledAfterItsRetries() {
        CheckResult silent = new CheckResult(true, Severity.CLEAR, "status inverted: expect failed", false, true);
        StatusMachine.Retrying none = new StatusMachine.Retrying(0, Optional.empty());
        StatusStep first = StatusMachine.apply(ServiceStatus.initial(T0), silent, none, T0);
        assertTrue(StatusMachine.settles(silent, first, none), "retries 0: up at the first failed probe");
        StatusMachine.Retrying two = new StatusMachine.Retrying(2, Optional.empty());
        ServiceStatus s = ServiceStatus.initial(T0);
        for (int i = 1; i <= 3; i++) {
            StatusStep step = StatusMachine.apply(s, silent, two, T0.plusSeconds(i));
            assertEquals(i == 3, StatusMachine.settles(silent, step, two), "failed probe " + i);
            s = step.next();
        }
        CheckResult answered = new CheckResult(false, Severity.MAJOR, "status inverted: test passed", false, true);
        StatusStep down = StatusMachine.apply(ServiceStatus.initial(T0), answered, two, T0);
        assertTrue(StatusMachine.settles(answered, down, two), "an answer: down at once");
        StatusStep refused = StatusMachine.apply(ServiceStatus.initial(T0), REFUSED, two, T0);
        assertFalse(StatusMachine.settles(REFUSED, refused, two), "not inverted: a failure within the retries");
        assertTrue(StatusMachine.settles(OK, StatusMachine.apply(refused.next(), OK, two, T0), two));
    }

    @Test
    void theSameStatusAgainIsTheSameObjectAndAChangeANewOne() {
        ServiceStatus up = StatusMachine.apply(ServiceStatus.initial(T0), OK, Map.of(), T0.plusSeconds(60))
                .next();
        StatusStep again = StatusMachine.apply(up, OK, Map.of(), T0.plusSeconds(120));
        assertSame(up, again.next());
        assertTrue(again.transition().isEmpty());
        ServiceStatus down = StatusMachine.apply(up, REFUSED, Map.of("retries", "0"), T0.plusSeconds(180))
                .next();
        assertEquals(
                new ServiceStatus(Status.DOWN, 1, Severity.CRITICAL, T0.plusSeconds(180), "connection refused"), down);
        ServiceStatus stillDown = StatusMachine.apply(down, REFUSED, Map.of("retries", "0"), T0.plusSeconds(240))
                .next();
        assertEquals(2, stillDown.failures()); // failures count: a failing service's status is new at each reply
        assertEquals(down.since(), stillDown.since());
        ServiceStatus otherReason = StatusMachine.apply(
                        stillDown,
                        CheckResult.failed(Severity.CRITICAL, "timeout"),
                        Map.of("retries", "0"),
                        T0.plusSeconds(300))
                .next();
        assertEquals("timeout", otherReason.reason());
        assertEquals(3, otherReason.failures());
    }
}
