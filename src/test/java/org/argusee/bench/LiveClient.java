package org.argusee.bench;

import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One {@code /live} socket of the live benchmark, seeing what a dashboard would: for each service status message,
 * the time from the probe's result ({@code row.checkedAt}, the server's clock when it judged the probe: the same
 * machine's clock as here) to its receipt; the bytes received (message payloads as UTF-8, without WebSocket
 * framing); resyncs. After a {@link #mark} with expected names, it notes when it has seen each of them in the
 * expected display status, or a resync (which tells a page to refetch: consistent too, the page's way).
 *
 * <p>Fields are read from the text by name rather than parsed: two hundred sockets during a burst receive millions
 * of messages, and the client shares the server's two cores.
 */
final class LiveClient implements WebSocket.Listener {

    private final CountDownLatch hello = new CountDownLatch(1);
    private StringBuilder partial = new StringBuilder();
    private List<Double> lags = new ArrayList<>();
    private long bytes;
    private long messages;
    private long serviceRows;
    private long resyncs;
    private Set<String> expected = Set.of();
    private String expectedStatus;
    private final Set<String> seen = new HashSet<>();
    private long consistentAtMillis = -1;
    private volatile boolean closed;
    private volatile String closeReason;

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received(partial.toString(), Instant.now());
            partial = new StringBuilder();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = statusCode + " " + reason + " at " + Instant.now();
        closed = true;
        hello.countDown();
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeReason = error + " at " + Instant.now();
        closed = true;
        hello.countDown();
    }

    private synchronized void received(String message, Instant at) {
        bytes += message.getBytes(StandardCharsets.UTF_8).length;
        messages++;
        if (message.contains("\"type\":\"hello\"")) {
            hello.countDown();
        } else if (message.contains("\"type\":\"resync\"")) {
            resyncs++;
            if (consistentAtMillis < 0) {
                consistentAtMillis = at.toEpochMilli();
            }
        } else if (message.contains("\"type\":\"status\"") && "Service".equals(field(message, "kind"))) {
            serviceRows++;
            String checkedAt = field(message, "checkedAt");
            if (checkedAt != null) {
                lags.add(Instant.parse(checkedAt).until(at, ChronoUnit.MICROS) / 1000.0);
            }
            String name = field(message, "fullName");
            if (expected.contains(name) && expectedStatus.equals(field(message, "displayStatus"))) {
                seen.add(name);
                if (seen.size() == expected.size() && consistentAtMillis < 0) {
                    consistentAtMillis = at.toEpochMilli();
                }
            }
        }
    }

    /** The string value of a field of the message, null when absent or null. */
    private static String field(String message, String name) {
        String key = "\"" + name + "\":\"";
        int start = message.indexOf(key);
        if (start < 0) {
            return null;
        }
        start += key.length();
        return message.substring(start, message.indexOf('"', start));
    }

    void awaitHello(Duration within) throws InterruptedException {
        if (!hello.await(within.toMillis(), TimeUnit.MILLISECONDS) || closed) {
            throw new IllegalStateException("a live socket was closed or said no hello within " + within);
        }
    }

    /** Starts counting afresh; consistent once every name in {@code expected} showed {@code status} (or a resync). */
    synchronized void mark(Set<String> expected, String status) {
        lags = new ArrayList<>();
        bytes = 0;
        messages = 0;
        serviceRows = 0;
        resyncs = 0;
        this.expected = expected;
        this.expectedStatus = status;
        seen.clear();
        consistentAtMillis = expected.isEmpty() ? 0 : -1;
    }

    synchronized boolean consistent() {
        return consistentAtMillis >= 0;
    }

    /** Epoch ms when it became consistent after the mark, -1 if not yet. */
    synchronized long consistentAtMillis() {
        return consistentAtMillis;
    }

    synchronized List<Double> lags() {
        return new ArrayList<>(lags);
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized long messages() {
        return messages;
    }

    synchronized long serviceRows() {
        return serviceRows;
    }

    synchronized long resyncs() {
        return resyncs;
    }

    boolean closed() {
        return closed;
    }

    /** Why and when the socket closed (code and reason, or the error), null while open. */
    String closeReason() {
        return closeReason;
    }
}
