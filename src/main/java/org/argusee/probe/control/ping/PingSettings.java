package org.argusee.probe.control.ping;

import java.time.Duration;

/**
 * How Ping batches.
 *
 * @param window   how long the first probe of a batch waits for others to join it
 * @param maxBatch hosts in one fping run at most; a full batch goes at once
 * @param maxWait  the longest one echo is waited for, however long the service's timeout: an echo not back by then
 *                 is lost, and a batch holds a thread while it waits
 * @param threads  fping (or ping) processes running at once; batches beyond wait in a bounded queue
 */
public record PingSettings(Duration window, int maxBatch, Duration maxWait, int threads) {

    public static final PingSettings DEFAULT = new PingSettings(Duration.ofMillis(250), 500, Duration.ofSeconds(10), 8);

    /** Time kept for starting the process and reading its answer before the probe's deadline. */
    static final long MARGIN_MILLIS = 300;

    static final long MIN_WAIT_MILLIS = 100;

    /** The batching window of a probe: shorter for short timeouts, so the echo keeps most of the time. */
    long windowMillis(Duration timeout) {
        return Math.min(window.toMillis(), timeout.toMillis() / 4);
    }

    /** How long the tool waits for the echo of a probe with this timeout. */
    long waitMillis(Duration timeout) {
        long budget = timeout.toMillis() - windowMillis(timeout) - MARGIN_MILLIS;
        return Math.max(MIN_WAIT_MILLIS, Math.min(maxWait.toMillis(), budget));
    }
}
