package org.argusee.probe.control.local;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.DoubleSupplier;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.MonitorRoute;
import org.argusee.probe.control.ProbeFailure;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.status.control.evaluation.Numbers;

/**
 * {@code Self/<param>} (or {@code Self} with {@code param:}): one of the server's own figures as the value, so
 * minvalue, maxvalue and calc work on it. The figures are in memory, so it answers at once on the caller's thread.
 * The original's {@code notifs}, {@code sched}, {@code loops} and {@code dnsqueries} have no counterpart here
 * yet: such services are not probed (shown unknown) rather than shown down; an unknown param is a failure that
 * names the known ones.
 */
public final class SelfMonitor implements Monitor {

    static final Set<String> NOT_HERE = Set.of("notifs", "sched", "loops", "dnsqueries");

    private final Map<String, DoubleSupplier> figures;

    /** @param figures by lower-case name; see {@link SelfFigures} */
    public SelfMonitor(Map<String, DoubleSupplier> figures) {
        this.figures = Map.copyOf(Objects.requireNonNull(figures, "figures"));
    }

    @Override
    public boolean handles(ProbeSpec spec) {
        return MonitorRoute.SELF.takes(spec.type()) && !NOT_HERE.contains(param(spec));
    }

    @Override
    public CompletionStage<Reply> probe(ProbeSpec spec) {
        return CompletableFuture.completedStage(read(spec));
    }

    private Reply read(ProbeSpec spec) {
        if (!MonitorRoute.SELF.takes(spec.type())) {
            return Reply.failed(spec.type().text() + " is not a Self service", Duration.ZERO);
        }
        String param = param(spec);
        if (param.isEmpty()) {
            return Reply.failed("no param: write Self/<param> or set 'param' (" + known() + ")", Duration.ZERO);
        }
        DoubleSupplier figure = figures.get(param);
        if (figure == null) {
            return Reply.failed("unknown Self param '" + param + "' (known: " + known() + ")", Duration.ZERO);
        }
        long started = System.nanoTime();
        try {
            return Reply.ok(Numbers.format(figure.getAsDouble()), Duration.ofNanos(System.nanoTime() - started));
        } catch (ProbeFailure e) {
            return Reply.failed(param + ": " + e.getMessage(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** {@code Self/tested} names it in the type, as the original writes it; {@code param:} is the long form. */
    static String param(ProbeSpec spec) {
        String name = spec.type().rest().isEmpty()
                ? spec.param("param").orElse("")
                : spec.type().rest().get(0);
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private String known() {
        return String.join(", ", new TreeSet<>(figures.keySet()));
    }
}
