package org.argusee.live.boundary;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.live.control.SocketQueue;
import org.argusee.web.control.Viewer;

/** One open live socket: whose it is (viewer, HTTP session) and its bounded send queue. */
final class LiveSocket {

    private static final Logger LOG = Logger.getLogger(LiveSocket.class.getName());
    static final int QUEUE = 2000;

    private final Session session;
    private final Viewer viewer;
    private final String httpSession;
    private final SocketQueue queue;

    LiveSocket(Session session, Viewer viewer, String httpSession) {
        this.session = session;
        this.viewer = viewer;
        this.httpSession = httpSession;
        this.queue = new SocketQueue(QUEUE, this::send);
    }

    Viewer viewer() {
        return viewer;
    }

    String httpSession() {
        return httpSession;
    }

    String id() {
        return session.getId();
    }

    void offer(String message) {
        queue.offer(message);
    }

    int waiting() {
        return queue.waiting();
    }

    long overflows() {
        return queue.overflows();
    }

    private void send(String text) {
        try {
            session.getAsyncRemote().sendText(text, result -> {
                if (result.isOK()) {
                    queue.sent();
                } else {
                    LOG.log(Level.FINE, "Live send failed; closing the socket", result.getException());
                    close(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed");
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Live socket gone", e);
            close(CloseReason.CloseCodes.GOING_AWAY, "gone");
        }
    }

    /**
     * A ping frame, which the browser answers by itself: without traffic the container drops a quiet socket after
     * about a minute and a half (measured by bench/probe-bench.sh's clients: close 1006, no close frame), and the
     * page goes stale and reconnects although nothing was wrong.
     */
    void ping() {
        try {
            session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Live ping failed", e);
        }
    }

    void close(CloseReason.CloseCode code, String reason) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(code, reason));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing a live socket failed", e);
        }
    }
}
