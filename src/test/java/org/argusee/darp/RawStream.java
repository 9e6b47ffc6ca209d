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

    void send(String text) throws Exception {
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
