package org.argusee.probe.control.compute;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.MonitorRoute;
import org.argusee.probe.control.ProbeFailure;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.status.control.evaluation.Numbers;

/**
 * {@code Compute}: the value of {@code expr} over the latest values of other services, e.g.
 * {@code %{Top:Net:in} + %{Top:Net:out}}; minvalue, maxvalue and the rest then test it like any value. Pure
 * arithmetic in memory, so it answers at once on the caller's thread. An operand with no value (its service
 * unknown, not probed yet, or down) or a value that is not a number makes the probe fail, naming the operand.
 */
public final class ComputeMonitor implements Monitor {

    /** Shown values are cut, an operand may be a whole web page. */
    private static final int SHOWN = 40;

    private final Function<String, Optional<String>> latest;

    /** @param latest a service's full name to its latest value, empty when it has none */
    public ComputeMonitor(Function<String, Optional<String>> latest) {
        this.latest = Objects.requireNonNull(latest, "latest");
    }

    @Override
    public boolean handles(ProbeSpec spec) {
        return MonitorRoute.COMPUTE.takes(spec.type());
    }

    @Override
    public CompletionStage<Reply> probe(ProbeSpec spec) {
        long started = System.nanoTime();
        return CompletableFuture.completedStage(compute(spec, started));
    }

    private Reply compute(ProbeSpec spec, long started) {
        if (!handles(spec)) {
            return Reply.failed(spec.type().text() + " is not a Compute service", Duration.ZERO);
        }
        try {
            ComputeParser.Parsed parsed = ComputeParser.parse(spec.param("expr")
                    .orElseThrow(() -> new IllegalArgumentException("no expr: set 'expr', e.g. %{Top:A} + %{Top:B}")));
            Map<String, Double> operands = new HashMap<>();
            for (String name : parsed.operands()) {
                operands.put(name, number(name));
            }
            double result = parsed.root().eval(operands);
            if (!Double.isFinite(result)) {
                throw new ProbeFailure("the result is not a finite number");
            }
            return Reply.ok(Numbers.format(result), elapsed(started));
        } catch (IllegalArgumentException | ProbeFailure e) {
            return Reply.failed(e.getMessage(), elapsed(started));
        }
    }

    private double number(String name) {
        String value = latest.apply(name).orElseThrow(() -> new ProbeFailure("no value for %{" + name + "}"));
        return Numbers.parse(value)
                .orElseThrow(() -> new ProbeFailure("%{" + name + "} is not a number: '"
                        + (value.length() > SHOWN ? value.substring(0, SHOWN) + "..." : value) + "'"));
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
