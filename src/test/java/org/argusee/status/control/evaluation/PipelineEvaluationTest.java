package org.argusee.status.control.evaluation;

import static org.argusee.status.control.evaluation.ResultEvaluatorTest.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.argusee.probe.control.Reply;
import org.argusee.status.control.ServiceStatus;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;
import org.argusee.status.control.StatusMachine;
import org.argusee.status.control.StatusStep;
import org.argusee.status.control.Transition;
import org.junit.jupiter.api.Test;

/** Reply -> Verdict -> StatusMachine over several probes, both states threaded as the scheduler will. */
class PipelineEvaluationTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final List<Transition> transitions = new ArrayList<>();
    private EvalState eval = EvalState.EMPTY;
    private ServiceStatus status = ServiceStatus.initial(T0);

    private void probe(Map<String, String> p, Reply reply, int minute) {
        Instant now = T0.plusSeconds(60L * minute);
        Verdict v = ResultEvaluator.evaluate(p, reply, eval, now);
        eval = v.next();
        StatusStep step = StatusMachine.apply(status, v.check(), p, now);
        status = step.next();
        step.transition().ifPresent(transitions::add);
    }

    private static Reply ok(String value) {
        return Reply.ok(value, Duration.ofMillis(5));
    }

    @Test
    void trafficRateGoesDownAfterRetriesAndUpOnTheFirstGoodSample() {
        Map<String, String> p = params("calc", "rate-bits", "maxvalue.major", "8000", "retries", "1");
        probe(p, ok("0"), 0);
        probe(p, ok("60000"), 1);
        assertEquals(Status.UP, status.status(), "1000 bit/s");
        probe(p, ok("180000"), 2);
        assertEquals(Status.UP, status.status(), "16000 bit/s: first failure, retrying");
        probe(p, ok("300000"), 3);
        assertEquals(Status.DOWN, status.status());
        assertEquals(Severity.MAJOR, status.severity());
        probe(p, ok("306000"), 4);
        assertEquals(Status.UP, status.status());
        assertEquals(
                List.of("down/major", "up"),
                transitions.stream().map(Transition::label).toList());
    }

    @Test
    void pendingSamplesNeitherCountNorClear() {
        Map<String, String> p = params("calc", "delta", "retries", "0");
        probe(p, Reply.failed("timeout", Duration.ofSeconds(60)), 0);
        assertEquals(Status.DOWN, status.status());
        probe(p, ok("100"), 1);
        assertEquals(Status.DOWN, status.status(), "first delta sample: no answer yet");
        probe(p, ok("150"), 2);
        assertEquals(Status.UP, status.status());
        assertNull(transitions.get(1).reason());
    }
}
