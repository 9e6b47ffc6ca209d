package org.argusee.probe.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.argusee.status.control.evaluation.EvalState;
import org.argusee.status.control.evaluation.RawResult;
import org.argusee.status.control.evaluation.ResultEvaluator;
import org.argusee.testsupport.FuzzTally;
import org.argusee.testsupport.Mutator;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.ParameterCatalogView;
import org.argusee.tree.control.ParameterIssue;
import org.argusee.tree.control.ParameterValidator;
import org.argusee.tree.control.ServiceType;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's fuzzing of parameter values, for every service type of the catalog (what {@code GET /api/catalog}
 * serves) and every parameter its classes read: hostile values go where the server takes them, the validator of
 * the API and the config checker ({@link ParameterValidator}; what it refuses is never stored, so goes no further),
 * the probe's plan of the service ({@link
 * ProbeSpec#of}, whose only allowed failure is an IllegalArgumentException naming the parameter: the service then
 * shows down with it), and the judging of a result ({@link ResultEvaluator}, run at every probe: it must never
 * throw). Nothing is probed. CI form: 5,000 values; {@code -Dargus.fuzz.count=10000} or more for the full run.
 */
class ParameterFuzzTest {

    static final ParameterCatalog CATALOG = ParameterCatalog.standard();

    /** Planning and judging one service's result; the real ones take microseconds. */
    static final long SLOW_NANOS = 2_000_000_000L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    record Reply(boolean ok, String value, String reason, Duration elapsed) implements RawResult {}

    @Test
    void hostileValuesOfEveryParameterOfEveryServiceTypeAreRefusedOrUsedNeverCrash() {
        ParameterCatalogView view = ParameterCatalogView.of(CATALOG);
        List<ServiceType> types = new ArrayList<>();
        List<ParameterCatalogView.ServiceEntry> entries = view.services().stream()
                .filter(ParameterCatalogView.ServiceEntry::selectable)
                .toList();
        for (ParameterCatalogView.ServiceEntry e : entries) {
            types.add(ServiceType.parse(sample(e)));
        }
        long seed = Mutator.seed() + 30;
        List<String> values = new ArrayList<>(List.of(
                "60",
                "yes",
                "127.0.0.1",
                "1.3.6.1.2.1.1.3.0",
                "^OK",
                "%d",
                "10s",
                "ietf",
                "major",
                "http://127.0.0.1/",
                "1,2",
                "x*2+1",
                "A",
                "user:pw"));
        // Sorted, as every collection the inputs are drawn from: Set.of and Map.of iterate in an order that
        // changes from one JVM to the next, and a seed must replay the same inputs.
        SortedSet<String> known = new TreeSet<>();
        view.parameters().values().forEach(p -> {
            known.addAll(p.values());
            if (p.defaultValue() != null) {
                known.add(p.defaultValue());
            }
        });
        values.addAll(known);
        Mutator mutator = Mutator.ofTexts(seed, values);
        Random random = mutator.random();
        ParameterValidator validator = new ParameterValidator(CATALOG);
        FuzzTally tally = new FuzzTally("parameter values (" + types.size() + " service types)", seed);
        int count = Mutator.count(5000);
        for (int i = 0; i < count; i++) {
            int t = random.nextInt(types.size());
            ServiceType type = types.get(t);
            SortedSet<String> keySet = new TreeSet<>(entries.get(t).parameters());
            keySet.addAll(view.serviceParameters());
            List<String> keys = new ArrayList<>(keySet);
            Map<String, String> params = new TreeMap<>(Map.of("hostname", "127.0.0.1"));
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                String value = random.nextInt(4) == 0 ? values.get(random.nextInt(values.size())) : mutator.nextValue();
                params.put(keys.get(random.nextInt(keys.size())), value);
            }
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            String outcome;
            try {
                boolean refused = false;
                for (Map.Entry<String, String> p : params.entrySet()) {
                    refused |= validator.check(p.getKey(), p.getValue()).stream()
                            .anyMatch(issue -> issue.severity() == ParameterIssue.Severity.ERROR);
                }
                if (refused) { // never stored: the API and the config checker refuse it (over 10,000 characters...)
                    tally.ok("refused by the validator", System.nanoTime() - start);
                    continue;
                }
                outcome = plan(type, params);
                Reply reply = new Reply(random.nextBoolean(), mutator.nextValue(), "fuzz", Duration.ofMillis(3));
                EvalState state = EvalState.EMPTY;
                for (int probe = 0; probe < 3; probe++) { // calc and deltas look at the previous probe
                    state = ResultEvaluator.evaluate(params, reply, state, Instant.now())
                            .next();
                }
            } catch (RuntimeException e) {
                tally.failed("crash", i, type.text() + " " + params + ": " + e + " at " + e.getStackTrace()[0]);
                continue;
            }
            long nanos = System.nanoTime() - start;
            // A value that makes every probe of the service burn the CPU (a regex, a calc) is a denial of service.
            // Counted in this thread's CPU time: wall time also counts a stalled machine (CI once saw 41 s of
            // wall time on an input that takes a millisecond here).
            long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
            if (cpuNanos > SLOW_NANOS) {
                tally.failed(
                        "slow",
                        i,
                        cpuNanos / 1_000_000 + " ms of CPU (" + nanos / 1_000_000 + " ms wall): " + type.text() + " "
                                + shortened(params));
                continue;
            }
            tally.ok(outcome, nanos);
        }
        String summary = tally.summary();
        assertTrue(tally.inputs() >= count);
        assertEquals(List.of(), tally.failures(), summary);
    }

    private static Map<String, String> shortened(Map<String, String> params) {
        Map<String, String> out = new HashMap<>();
        params.forEach((k, v) -> out.put(k, v.length() > 60 ? v.substring(0, 60) + "...(" + v.length() + ")" : v));
        return out;
    }

    private static String plan(ServiceType type, Map<String, String> params) {
        try {
            ProbeSpec.of(type, params);
            return "planned";
        } catch (IllegalArgumentException e) {
            return "refused by the plan";
        }
    }

    /** A type text of the entry, with the part its tail needs (an OID, an RPC program, a DNS query). */
    private static String sample(ParameterCatalogView.ServiceEntry e) {
        return switch (e.tail()) {
            case "NONE" -> e.type();
            case "REST_OF_TEXT" -> e.type() + "/1.3.6.1.2.1.1.3.0";
            case "DNS_QUERY" -> e.type() + "/A/x.invalid";
            default -> e.type() + "/x";
        };
    }
}
