package org.argusee.darp.control.link;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The connection life of a {@link MasterLink}: one attempt at a time (login and config, then the stream), and
 * after any failure the next attempt after a {@link Backoff}. Each attempt has a generation number; callbacks of
 * an attempt or stream that has since been dropped are ignored, so the link's {@link Events} only ever hear of the
 * current connection. Runs on the link's loop thread only.
 */
final class Connector {

    private static final long TICK_MILLIS = 100;

    /** What the link does at each step of a connection; called on the loop thread. */
    interface Events {

        /** A new attempt: log in and fetch what is needed before the stream opens. */
        CompletionStage<?> connecting();

        /** The stream is open. */
        void opened();

        void message(String text);

        /** Every tick (100 ms) while the stream is open. */
        void tick();

        /** The connection failed and is dropped; the next attempt comes after {@code wait}. */
        void down(String reason, Duration wait);
    }

    private final LinkSettings settings;
    private final ScheduledExecutorService loop;
    private final HttpClient http;
    private final Backoff backoff;
    private final Events events;

    private boolean running;
    private int generation;
    private StreamConnection stream;
    private ScheduledFuture<?> tick;

    Connector(LinkSettings settings, ScheduledExecutorService loop, HttpClient http, Backoff backoff, Events events) {
        this.settings = settings;
        this.loop = loop;
        this.http = http;
        this.backoff = backoff;
        this.events = events;
    }

    void start() {
        if (!running) {
            running = true;
            attempt();
        }
    }

    /** Stops connecting and closes the stream, if any. */
    void stop(int code, String why) {
        running = false;
        drop(code, why);
    }

    /** The master welcomed this connection: the next failure waits the shortest backoff again. */
    void welcomed() {
        backoff.reset();
    }

    /** Sends on the stream, if one is open. */
    void send(String text) {
        if (stream != null) {
            stream.send(text);
        }
    }

    /** Closes the current stream with this code and fails the connection for {@code reason}. */
    void refuse(int code, String why, String reason) {
        stream.close(code, why);
        fail(reason);
    }

    /** Fails the current connection: it is dropped, the next attempt waits for the backoff. */
    void fail(String reason) {
        failed(generation, reason, null);
    }

    /** Whether the current connection is still the one in use (false once dropped, or the link stopped). */
    BooleanSupplier alive() {
        int gen = generation;
        return () -> gen == generation && running;
    }

    private void attempt() {
        int gen = ++generation;
        events.connecting()
                .thenCompose(v -> StreamConnection.open(http, settings.stream(), settings.timeout(), handler(gen)))
                .whenCompleteAsync((connection, error) -> opened(gen, connection, error), loop);
    }

    private void opened(int gen, StreamConnection connection, Throwable error) {
        if (gen != generation || !running) {
            if (connection != null) {
                connection.close(1000, "superseded");
            }
            return;
        }
        if (error != null) {
            failed(gen, LinkFailure.describe(error), error);
            return;
        }
        stream = connection;
        events.opened();
        tick = loop.scheduleAtFixedRate(
                () -> {
                    if (current(gen)) {
                        events.tick();
                    }
                },
                TICK_MILLIS,
                TICK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private StreamConnection.Handler handler(int gen) {
        return new StreamConnection.Handler() {
            @Override
            public void message(String text) {
                loop.execute(() -> {
                    if (current(gen)) {
                        events.message(text);
                    }
                });
            }

            @Override
            public void closed(String reason, LinkFailure cause) {
                loop.execute(() -> failed(gen, reason, cause));
            }
        };
    }

    private boolean current(int gen) {
        return gen == generation && stream != null;
    }

    /** {@code cause}: the attempt's error, if any; a 429 or a refused login sets a floor to the wait. */
    private void failed(int gen, String reason, Throwable cause) {
        if (gen != generation || !running) {
            return;
        }
        drop(4408, "master down");
        // with several master URLs (a pair), the next one is tried at once; the backoff applies per round
        Duration wait = settings.masters().next()
                        && !(unwrap(cause) instanceof LinkFailure.Throttled)
                        && !(cause instanceof LinkFailure.Replaced)
                ? settings.minBackoff()
                : cause == null ? backoff.next() : backoff.after(cause);
        events.down(reason, wait);
        int next = generation;
        loop.schedule(
                () -> {
                    if (running && generation == next && stream == null) {
                        attempt();
                    }
                },
                wait.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Ends the current connection attempt or stream; callbacks of it are ignored from now on. */
    private void drop(int code, String why) {
        generation++;
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
        if (stream != null) {
            stream.close(code, why);
            stream = null;
        }
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
