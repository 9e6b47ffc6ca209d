package org.argusee.probe.control;

import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * One service's probe as its monitor prepared it when the service was planned ({@link Monitor#prepare}), started at
 * each of its turns. What a monitor can work out once from the spec (its routing, its TLS options, an address
 * literal's address) it works out here rather than at every probe; and the reply goes straight to its receiver
 * rather than through a chain of futures (issue 17, docs/benchmarks.md, session 14).
 */
public interface Probe {

    /**
     * Starts the probe and returns at once: the caller is the scheduler's tick, which must not wait on the network.
     * {@code then} gets {@code context} and the reply exactly once, on whatever thread the reply comes on (the
     * network loop, the timeout thread, or this one when the probe cannot start), so it must be quick and must not
     * block. Every failure is a {@link Reply#failed} reply, as from {@link Monitor#probe}.
     */
    <C> void start(C context, BiConsumer<? super C, Reply> then);

    /** A probe that never starts: each turn replies this failure at once, as {@code Exchange.refused} does. */
    static Probe refused(String reason) {
        return new Probe() {
            @Override
            public <C> void start(C context, BiConsumer<? super C, Reply> then) {
                then.accept(context, Reply.failed(reason, Duration.ZERO));
            }
        };
    }
}
