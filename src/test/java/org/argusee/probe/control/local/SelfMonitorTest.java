package org.argusee.probe.control.local;

import static org.argusee.probe.control.Probes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.status.control.evaluation.EvalState;
import org.argusee.status.control.evaluation.Numbers;
import org.argusee.status.control.evaluation.ResultEvaluator;
import org.argusee.status.control.evaluation.Verdict;
import org.argusee.tree.control.ServiceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SelfMonitorTest {

    private final AtomicLong tested = new AtomicLong(1234);
    private final SelfMonitor monitor = new SelfMonitor(SelfFigures.of(tested::get, () -> 42, () -> 17));

    @ParameterizedTest
    @ValueSource(strings = {"heap", "threads", "uptime", "uptime1", "uptime2", "load", "files", "idle"})
    void theServersFiguresAreNumbers(String param) {
        Reply r = await(monitor.probe(self("Self/" + param)));
        assertTrue(r.ok(), r.reason());
        double value = Numbers.parse(r.value()).orElseThrow(() -> new AssertionError(r.value()));
        assertTrue(value >= 0, param + " = " + value);
    }

    @Test
    void liveFiguresAreWhatTheServerHas() {
        assertTrue(number("Self/threads") >= 1);
        assertTrue(number("Self/heap") > 0);
        assertTrue(number("Self/uptime") > 0);
        assertEquals(1234, number("Self/tested"));
        tested.addAndGet(6);
        assertEquals(1240, number("Self/tested"));
        assertEquals(42, number("Self/objects"));
        assertEquals(17, number("Self/services"));
    }

    @Test
    void theParamMayBeAParameterAndAnyCase() {
        assertEquals(17, number("Self", "param", "Services"));
        assertEquals(42, number("Self/OBJECTS"));
    }

    @Test
    void minvalueWorksOnTheFigure() {
        Reply r = await(monitor.probe(self("Self/services")));
        Verdict v = ResultEvaluator.evaluate(Map.of("minvalue", "20"), r, EvalState.EMPTY, Instant.now());
        assertFalse(v.up());
        assertTrue(ResultEvaluator.evaluate(Map.of("maxvalue", "20"), r, EvalState.EMPTY, Instant.now())
                .up());
    }

    @Test
    void anUnknownParamNamesTheKnownOnes() {
        Reply r = await(monitor.probe(self("Self/bogus")));
        assertFalse(r.ok());
        assertTrue(r.reason().startsWith("unknown Self param 'bogus' (known: files, heap, idle, load"), r.reason());
        assertTrue(monitor.handles(self("Self/bogus")), "shown down with the reason, a typo should be seen");
    }

    @Test
    void theOriginalsFiguresThatHaveNoCounterpartAreNotProbed() {
        assertFalse(monitor.handles(self("Self/Notifs")));
        assertFalse(monitor.handles(self("Self/dnsqueries")));
        assertTrue(monitor.handles(self("Self/tested")));
        assertFalse(monitor.handles(self("Prog", "command", "true")));
    }

    @Test
    void noParamAtAllSaysHowToGiveOne() {
        assertTrue(await(monitor.probe(self("Self"))).reason().startsWith("no param: write Self/<param>"));
    }

    private double number(String type, String... keyValues) {
        Reply r = await(monitor.probe(self(type, keyValues)));
        assertTrue(r.ok(), r.reason());
        return Numbers.parse(r.value()).orElseThrow();
    }

    private static ProbeSpec self(String type, String... keyValues) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return ProbeSpec.of(ServiceType.parse(type), params);
    }
}
