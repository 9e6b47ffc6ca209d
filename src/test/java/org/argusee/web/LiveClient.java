package org.argusee.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import org.argusee.testsupport.Eventually;

/** A page's end of /live: keeps every message it got and how the socket closed. */
final class LiveClient implements WebSocket.Listener, AutoCloseable {

    private final List<JsonObject> messages = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    static LiveClient open(Browser browser) {
        LiveClient client = new LiveClient();
        client.socket = browser.live(client);
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try (var reader = Json.createReader(new StringReader(partial.toString()))) {
                JsonObject m = reader.readObject();
                synchronized (messages) {
                    messages.add(m);
                }
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    List<JsonObject> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** The first message that matches, waiting for it up to {@code within}. */
    JsonObject await(String what, Duration within, Predicate<JsonObject> match) {
        Eventually.await(what, within, () -> messages().stream().anyMatch(match));
        return messages().stream().filter(match).findFirst().orElseThrow();
    }

    JsonObject hello() {
        return await("hello", Duration.ofSeconds(10), m -> m.getString("type").equals("hello"));
    }

    /** A status push for the object that shows {@code shown}. */
    JsonObject awaitStatus(String fullName, String shown, Duration within) {
        return await(
                fullName + " pushed as " + shown,
                within,
                m -> isStatus(m, fullName)
                        && m.getJsonObject("row").getString("displayStatus").equals(shown));
    }

    static boolean isStatus(JsonObject m, String fullName) {
        return m.getString("type").equals("status")
                && m.getJsonObject("row").getString("fullName").equals(fullName);
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /** Whether the socket closed (the page would reconnect and resume). */
    boolean closed() {
        return closed.isDone();
    }

    /** The close code, once closed (waits up to 10 s). */
    int closeCode() {
        Eventually.await("socket closed", Duration.ofSeconds(10), closed::isDone);
        return closed.join();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            socket.abort();
        }
    }
}
