package org.argusee.darp.boundary;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.darp.control.wire.StreamSeal;
import org.argusee.platform.control.SteadyClock;

/**
 * One slave's WebSocket on the master. Sends are queued and go one at a time (a container allows one outstanding
 * asynchronous send); a close waits for queued messages (an error before a close must reach the slave), but at
 * most {@link #CLOSE_GRACE_MILLIS}, because a hung slave may never take them.
 */
final class SlaveSocket {

    private static final Logger LOG = Logger.getLogger(SlaveSocket.class.getName());
    static final long CLOSE_GRACE_MILLIS = 2000;

    private final Session session;
    private final String address;
    private final Queue<String> queue = new ArrayDeque<>();
    private boolean sending;
    private StreamSeal seal;
    private CloseReason pendingClose;
    private Instant closeAsked;

    SlaveSocket(Session session, String address) {
        this.session = session;
        this.address = address;
    }

    String address() {
        return address;
    }

    /** From now on every message goes with its number and MAC (the hello's token was good). */
    synchronized void seal(StreamSeal s) {
        seal = s;
    }

    synchronized void send(String text) {
        if (pendingClose != null || !session.isOpen()) {
            return;
        }
        queue.add(seal == null ? text : seal.seal(text));
        if (!sending) {
            next();
        }
    }

    synchronized void close(int code, String reason) {
        if (pendingClose != null) {
            return;
        }
        pendingClose = new CloseReason(CloseReason.CloseCodes.getCloseCode(code), phrase(reason));
        closeAsked = SteadyClock.SYSTEM.instant(); // the ticks' clock (SlaveStreams)
        if (!sending) {
            closeNow();
        }
    }

    /** Closes a socket whose queued messages did not go within the grace time. */
    synchronized void tick(Instant now) {
        if (pendingClose != null
                && session.isOpen()
                && now.toEpochMilli() - closeAsked.toEpochMilli() > CLOSE_GRACE_MILLIS) {
            closeNow();
        }
    }

    private void next() {
        String text = queue.poll();
        if (text == null) {
            sending = false;
            if (pendingClose != null) {
                closeNow();
            }
            return;
        }
        sending = true;
        try {
            session.getAsyncRemote().sendText(text, result -> {
                synchronized (SlaveSocket.this) {
                    if (!result.isOK()) {
                        queue.clear();
                        LOG.fine(() -> "DARP send to " + address + " failed: " + result.getException());
                    }
                    next();
                }
            });
        } catch (RuntimeException e) {
            sending = false;
            queue.clear();
            LOG.fine(() -> "DARP send to " + address + " failed: " + e);
        }
    }

    private void closeNow() {
        queue.clear();
        try {
            session.close(
                    pendingClose != null
                            ? pendingClose
                            : new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "closing"));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "DARP stream to " + address + " did not close cleanly", e);
        }
    }

    /** A close reason is at most 123 bytes of UTF-8. */
    private static String phrase(String reason) {
        String r = reason == null ? "" : reason;
        while (r.getBytes(StandardCharsets.UTF_8).length > 123) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }
}
