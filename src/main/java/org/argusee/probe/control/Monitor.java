package org.argusee.probe.control;

import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * Runs one test of one service. Implementations start the work and return at once: the caller is a timer
 * thread that must not wait on the network.
 *
 * <p>The returned stage always completes normally, at the latest shortly after {@code spec.timeout()}; every
 * failure (refused, timeout, an answer that fails the check, shutdown) is a {@link Reply#failed} with a short
 * reason. It may complete on the network thread, so dependent work must be quick and non-blocking, or be
 * handed to an executor with the {@code *Async} methods.
 */
public interface Monitor {

    CompletionStage<Reply> probe(ProbeSpec spec);

    /**
     * The service's probe, worked out once when it is planned and started at each of its turns. By default each
     * start is {@link #probe}; a monitor whose probes run often overrides it to do once what does not change.
     */
    default Probe prepare(ProbeSpec spec) {
        Monitor monitor = this;
        return new Probe() {
            @Override
            public <C> void start(C context, BiConsumer<? super C, Reply> then) {
                monitor.probe(spec).thenAccept(reply -> then.accept(context, reply));
            }
        };
    }

    /**
     * Whether this monitor can test the spec at all: its type is routed here by {@link MonitorRoute}, and the
     * monitor can do what the settings ask (an OID form or a UDP application not built yet it cannot). The
     * scheduler does not probe what no monitor handles, rather than show it down.
     */
    boolean handles(ProbeSpec spec);
}
