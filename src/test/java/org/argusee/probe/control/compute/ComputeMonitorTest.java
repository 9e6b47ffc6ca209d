package org.argusee.probe.control.compute;

import static org.argusee.probe.control.Probes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.status.control.evaluation.EvalState;
import org.argusee.status.control.evaluation.ResultEvaluator;
import org.argusee.tree.control.ServiceType;
import org.junit.jupiter.api.Test;

class ComputeMonitorTest {

    private final Map<String, String> latest = new HashMap<>(Map.of(
            "Top:SNMP:athena:in",
            "1200",
            "Top:SNMP:athena:out",
            " 300.5\n",
            "Top:Web:banner",
            "220 mail.example.com ESMTP Postfix (Debian/GNU)"));
    private final ComputeMonitor monitor = new ComputeMonitor(name -> Optional.ofNullable(latest.get(name)));

    @Test
    void addsTheLatestValuesOfOtherServices() {
        Reply r = await(monitor.probe(compute("%{Top:SNMP:athena:in} + %{Top:SNMP:athena:out}")));
        assertTrue(r.ok(), r.reason());
        assertEquals("1500.5", r.value());
        latest.put("Top:SNMP:athena:in", "0");
        assertEquals(
                "300.5",
                await(monitor.probe(compute("%{Top:SNMP:athena:in} + %{Top:SNMP:athena:out}")))
                        .value(),
                "each probe reads the values of that moment");
    }

    @Test
    void theResultIsTestedLikeAnyValue() {
        Reply r = await(monitor.probe(compute("%{Top:SNMP:athena:in} / 2")));
        assertEquals("600", r.value());
        assertFalse(ResultEvaluator.evaluate(Map.of("maxvalue", "500"), r, EvalState.EMPTY, Instant.now())
                .up());
    }

    @Test
    void aMissingOperandIsNamed() {
        Reply r = await(monitor.probe(compute("%{Top:SNMP:athena:in} + %{Top:Nowhere}")));
        assertFalse(r.ok());
        assertEquals("no value for %{Top:Nowhere}", r.reason());
    }

    @Test
    void aValueThatIsNoNumberIsNamedAndShownCut() {
        Reply r = await(monitor.probe(compute("%{Top:Web:banner} * 2")));
        assertEquals("%{Top:Web:banner} is not a number: '220 mail.example.com ESMTP Postfix (Debi...'", r.reason());
    }

    @Test
    void arithmeticWithoutAnAnswerIsAFailure() {
        latest.put("Top:zero", "0");
        assertEquals(
                "division by zero",
                await(monitor.probe(compute("1 / %{Top:zero}"))).reason());
        assertEquals(
                "the result is not a finite number",
                await(monitor.probe(compute("10 ** 400"))).reason());
    }

    @Test
    void aBadOrMissingExprIsAFailureThatSaysWhy() {
        assertTrue(await(monitor.probe(compute("1 +"))).reason().startsWith("bad expr: "));
        Reply none = await(monitor.probe(ProbeSpec.of(ServiceType.parse("Compute"), Map.of())));
        assertEquals("no expr: set 'expr', e.g. %{Top:A} + %{Top:B}", none.reason());
    }

    @Test
    void handlesComputeOnly() {
        assertTrue(monitor.handles(compute("1")));
        assertFalse(monitor.handles(ProbeSpec.of(ServiceType.parse("Self/tested"), Map.of())));
    }

    private static ProbeSpec compute(String expr) {
        return ProbeSpec.of(ServiceType.parse("Compute"), Map.of("expr", expr));
    }
}
