package org.argusee.darp.control.link;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.argusee.darp.control.wire.Messages;

/**
 * One WebSocket to the master, on the JDK's client. Texts are assembled from their fragments and handed on whole;
 * sends are chained, because the JDK allows one outstanding send at a time. Every failure ends in one call of
 * {@link Handler#closed}.
 */
final class StreamConnection implements WebSocket.Listener {

    interface Handler {
        void message(String text);

        /** {@code cause}: a failure that sets a floor to the next wait (see {@link Backoff#after}), or null. */
        void closed(String reason, LinkFailure cause);
    }

    /** The master's close code for a stream whose tag logged in again on another connection. */
    static final int REPLACED = 4409;

    private final Handler handler;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private CompletableFuture<WebSocket> sending;
    private boolean over;

    private StreamConnection(Handler handler) {
        this.handler = handler;
    }

    static CompletableFuture<StreamConnection> open(HttpClient http, URI uri, Duration timeout, Handler handler) {
        StreamConnection c = new StreamConnection(handler);
        return http.newWebSocketBuilder()
                .connectTimeout(timeout)
                .buildAsync(uri, c)
                .thenApply(ws -> {
                    synchronized (c) {
                        c.socket = ws;
                        c.sending = CompletableFuture.completedFuture(ws);
                    }
                    return c;
                });
    }

    synchronized void send(String text) {
        if (over) {
            return;
        }
        sending = sending.thenCompose(ws -> ws.sendText(text, true));
        sending.whenComplete((ws, e) -> {
            if (e != null) {
                end("sending failed: " + e.getMessage());
            }
        });
    }

    /** Closes with a code the master logs, then drops the connection without waiting for its answer. */
    synchronized void close(int code, String reason) {
        if (socket != null && !over) {
            socket.sendClose(code, reason);
            socket.abort();
        }
        over = true;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (partial.length() > Messages.MAX_TEXT) {
            end("the master sent a message longer than " + Messages.MAX_TEXT + " characters");
            webSocket.abort();
            return null;
        }
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            handler.message(text);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        String why =
                "closed by the master (" + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")";
        if (statusCode == REPLACED) {
            end(
                    why + ": another connection logged in with this slave's tag; is another server configured with it?",
                    new LinkFailure.Replaced(why));
        } else {
            end(why);
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        end("connection failed: " + error);
    }

    private void end(String reason) {
        end(reason, null);
    }

    private void end(String reason, LinkFailure cause) {
        synchronized (this) {
            if (over) {
                return;
            }
            over = true;
        }
        handler.closed(reason, cause);
    }
}
