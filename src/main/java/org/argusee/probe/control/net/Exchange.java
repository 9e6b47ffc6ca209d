package org.argusee.probe.control.net;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.probe.control.ProbeFailure;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;

/**
 * One probe's life on the {@link NetLoop}: resolve, open a channel, talk, finish exactly once. The timeout is
 * a {@link Deadline} on the loop's timeout thread that completes the result itself, so it holds even if the loop is
 * busy; the channel is then closed on the loop, which owns it.
 *
 * <p>Subclasses run on the probe's own thread of the loop only ({@link #begin}, {@link #ready}) and end with {@link #conclude},
 * {@link #fail} or {@link #finish}.
 */
public abstract class Exchange {

    private static final Logger LOG = Logger.getLogger(Exchange.class.getName());

    private static final VarHandle DONE;

    static {
        try {
            DONE = MethodHandles.lookup().findVarHandle(Exchange.class, "done", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    protected final NetLoop loop;
    protected final ProbeSpec spec;
    private final long started = System.nanoTime();
    /**
     * Finished: set once, by whoever finishes it first (the loop or the timeout). With {@link #then} and its
     * {@link #context}, given at the start, it replaces a future and the stages the scheduler chained to it: three
     * futures, their completions and a lambda a probe (issue 17, session 14).
     */
    private volatile boolean done;

    private Object context;
    private BiConsumer<Object, Reply> then;
    private volatile Deadline deadline;
    private volatile SelectableChannel channel;
    private volatile Function<InetAddress, String> addressRule;
    private volatile InetAddress address;
    /** The loop's thread this probe runs on, given when it starts. */
    private volatile SelectorThread selectorThread;

    // the loop's probes in flight (InFlight): a list through the probes themselves, guarded by that set
    boolean inFlight;
    Exchange olderLive;
    Exchange newerLive;

    protected Exchange(NetLoop loop, ProbeSpec spec) {
        this.loop = loop;
        this.spec = spec;
    }

    /** For a probe that cannot start: the stage a monitor returns instead. */
    public static CompletionStage<Reply> refused(String reason) {
        return CompletableFuture.completedStage(Reply.failed(reason, Duration.ZERO));
    }

    /**
     * Before {@link #start}: a rule that may refuse the address the name resolved to, answering why (null: go on).
     * The probe then fails with that reason and opens no connection.
     */
    public final Exchange refusing(Function<InetAddress, String> rule) {
        addressRule = rule;
        return this;
    }

    /** The address the name resolved to; null before that. */
    public final InetAddress address() {
        return address;
    }

    public final CompletionStage<Reply> start() {
        CompletableFuture<Reply> result = new CompletableFuture<>();
        start(null, result, CompletableFuture::complete);
        return result.minimalCompletionStage();
    }

    /**
     * Starts the probe; {@code then} gets {@code context} and the reply exactly once ({@link
     * org.argusee.probe.control.Probe#start}). {@code target}: where to connect when known already (the spec's
     * host is an address literal, resolved once when its service was planned: {@link HostResolver#literal}); null
     * to resolve the spec's host now.
     */
    @SuppressWarnings("unchecked")
    public final <C> void start(InetSocketAddress target, C context, BiConsumer<? super C, Reply> then) {
        this.context = context; // published to the loop and the timeout thread by admit and the hand-offs after it
        this.then = (BiConsumer<Object, Reply>) then;
        if (!loop.admit(this)) {
            complete(Reply.failed(NetLoop.SHUT_DOWN, Duration.ZERO));
            return;
        }
        try {
            deadline = loop.deadline(spec.timeout(), this::timedOut);
            if (target != null) {
                connect(target);
            } else {
                loop.resolver().resolve(spec.hostname(), spec.ipversions()).whenComplete(this::resolved);
            }
        } catch (RejectedExecutionException e) {
            fail(NetLoop.SHUT_DOWN);
        }
    }

    final void on(SelectorThread thread) {
        selectorThread = thread;
    }

    final SelectorThread selectorThread() {
        return selectorThread;
    }

    /** Opens the channel (pass it to {@link #own}) and starts talking. Loop thread. */
    protected abstract void begin(InetSocketAddress target) throws IOException;

    /** The channel is ready for what this exchange registered for. Loop thread. */
    protected abstract void ready(SelectionKey key) throws IOException;

    protected String timeoutReason() {
        return "timeout";
    }

    protected final <C extends SelectableChannel> C own(C c) {
        channel = c;
        return c;
    }

    protected final boolean isDone() {
        return done;
    }

    /** The raw answer is in: apply the spec's expect to it. */
    protected final void conclude(String value) {
        if (spec.expect() != null && !spec.expect().matcher(value).find()) {
            fail("expect failed");
        } else {
            finish(Reply.ok(value, elapsed()));
        }
    }

    /** Loop thread, or any thread once the loop has stopped (shutdown). */
    protected final void fail(String reason) {
        finish(Reply.failed(reason, elapsed()));
    }

    protected final void finish(Reply reply) {
        closeChannel();
        complete(reply);
    }

    final void handle(SelectionKey key) {
        if (isDone()) {
            closeChannel(); // timed out; the close task may not have run yet
            return;
        }
        try {
            ready(key);
        } catch (IOException e) {
            fail(ProbeFailure.reasonOf(e));
        } catch (RuntimeException e) {
            failOnBug(e);
        }
    }

    private void resolved(InetAddress address, Throwable error) {
        if (error != null) {
            complete(Reply.failed(ProbeFailure.reasonOf(error), elapsed()));
            return;
        }
        connect(new InetSocketAddress(address, spec.port()));
    }

    private void connect(InetSocketAddress target) {
        InetAddress resolved = target.getAddress();
        this.address = resolved;
        Function<InetAddress, String> rule = addressRule;
        String refusal = rule == null ? null : rule.apply(resolved);
        if (refusal != null) {
            complete(Reply.failed(refusal, elapsed()));
        } else if (!loop.execute(this, () -> open(target))) {
            fail(NetLoop.SHUT_DOWN);
        }
    }

    private void open(InetSocketAddress target) {
        if (isDone()) {
            return; // timed out while the name was being resolved
        }
        try {
            begin(target);
        } catch (IOException e) {
            fail(ProbeFailure.reasonOf(e));
        } catch (RuntimeException e) {
            failOnBug(e);
        }
    }

    /** A network error is the service's problem; anything else is ours and must reach the log. */
    private void failOnBug(RuntimeException e) {
        LOG.log(Level.WARNING, "probe of " + spec.type().text() + " " + spec.hostname() + " failed in the monitor", e);
        fail(ProbeFailure.reasonOf(e));
    }

    private void timedOut() {
        if (complete(Reply.failed(timeoutReason(), elapsed()))) {
            loop.execute(this, this::closeChannel);
        }
    }

    private boolean complete(Reply reply) {
        if (!DONE.compareAndSet(this, false, true)) {
            return false;
        }
        Deadline d = deadline;
        if (d != null) {
            d.cancel();
        }
        loop.forget(this);
        try {
            then.accept(context, reply);
        } catch (RuntimeException e) {
            // the receiver's bug: a future would have kept it to itself; the probe is over either way
            LOG.log(
                    Level.WARNING,
                    "the reply of a probe of " + spec.type().text() + " " + spec.hostname() + " could not be handed on",
                    e);
        }
        return true;
    }

    private void closeChannel() {
        SelectableChannel c = channel;
        if (c != null) {
            loop.dispose(this, c);
        }
    }

    protected final Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
