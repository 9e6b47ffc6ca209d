package org.argusee.live.boundary;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.live.control.SocketQueue;
import org.argusee.web.control.Viewer;

/** One open live socket: whose it is (viewer, HTTP session) and its bounded send queue. */
final class LiveSocket {

    private static final Logger LOG = Logger.getLogger(LiveSocket.class.getName());
    static final int QUEUE = 2000;
    /**
     * The longest a message waits in a socket's queue before the socket gets a resync instead: a page that shows
     * news older than this is better off refetching (a normal push waits well under a second; on a starved machine
     * 2 s were seen, hence some margin so that a busy server does not make every page refetch).
     */
    static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Session session;
    private final Viewer viewer;
    private final String httpSession;
    private final SocketQueue queue;

    LiveSocket(Session session, Viewer viewer, String httpSession) {
        this.session = session;
        this.viewer = viewer;
        this.httpSession = httpSession;
        this.queue = new SocketQueue(QUEUE, MAX_AGE_NANOS, System::nanoTime, this::send);
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

    /** Closes it a little later on {@code timer}, unless that has stopped (the server is going down: all close). */
    void closeLater(ScheduledExecutorService timer, CloseReason.CloseCode code, String reason) {
        try {
            timer.schedule(() -> close(code, reason), 2, TimeUnit.SECONDS);
        } catch (RejectedExecutionException stopped) {
            LOG.log(Level.FINE, "Live socket not closed later: the server is stopping", stopped);
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
