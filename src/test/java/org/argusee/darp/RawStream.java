package org.argusee.darp;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.argusee.darp.control.wire.BadMessage;
import org.argusee.darp.control.wire.StreamSeal;

/**
 * A bare WebSocket to the master's DARP stream that does only what the test says: it answers nothing by itself,
 * so it can play a broken or hung slave.
 */
final class RawStream implements WebSocket.Listener, AutoCloseable {

    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    RawStream(URI base) throws Exception {
        URI ws = URI.create("ws" + base.toString().substring(4)).resolve("api/darp/v1/stream");
        socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(ws, this)
                .get(30, TimeUnit.SECONDS);
    }

    /** A slave's seal after its hello: from now on what it sends is signed and what it gets is checked. */
    private volatile StreamSeal seal;

    void sealWith(byte[] sessionKey) {
        seal = new StreamSeal(sessionKey, StreamSeal.Direction.SLAVE_TO_MASTER);
    }

    void send(String text) throws Exception {
        StreamSeal s = seal;
        sendAsIs(s == null ? text : s.seal(text));
    }

    /** Sends exactly this text, sealed or not: a forged or changed message. */
    void sendAsIs(String text) throws Exception {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    /** The next message of this type, skipping others (pings, acks...); fails after {@code within}. */
    JsonObject next(String type, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            String text = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (text == null) {
                throw new AssertionError("no '" + type + "' message within " + within.toMillis() + " ms");
            }
            StreamSeal s = seal;
            if (s != null) {
                try {
                    text = s.open(text);
                } catch (BadMessage e) {
                    throw new AssertionError("the master's message is not sealed right: " + e.getMessage(), e);
                }
            }
            JsonObject o = Json.createReader(new StringReader(text)).readObject();
            if (o.getString("type").equals(type)) {
                return o;
            }
        }
    }

    /** The close code the master sent; fails after {@code within}. */
    int closeCode(Duration within) throws Exception {
        return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(partial.toString());
            partial.setLength(0);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
