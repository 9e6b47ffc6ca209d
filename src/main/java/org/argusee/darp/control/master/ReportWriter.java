package org.argusee.darp.control.master;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.darp.control.wire.Message;

/**
 * Stores one slave's report batches in the order they came, one task at a time and off the socket's thread, and
 * acks each once stored. A batch that cannot be stored because the database cannot be reached (a starved pool,
 * PostgreSQL away) waits, unacked, and is tried again {@link #RETRY_MILLIS} later, from the conversation's tick,
 * while pings go on being answered: the link stays up (issue 16). Storing is idempotent on the master (a report at
 * or below the last stored seq is skipped), so a retry never stores twice.
 */
final class ReportWriter {

    private static final Logger LOG = Logger.getLogger(ReportWriter.class.getName());
    static final long RETRY_MILLIS = 1000;
    /** Batches kept while the database is away; past this the slave is closed and resends after its login. */
    static final int MAX_UNSTORED = 1000;

    private final SlaveConversation.Port port;
    private final SlaveConversation conversation;
    /** Not stored yet, oldest first. Guarded by this object's monitor, as are the fields below. */
    private final Deque<Message.Reports> unstored = new ArrayDeque<>();

    private boolean storing;
    /** The database could not be reached: the oldest batch is tried again from a tick ({@link #retryIfDue}). */
    private boolean retryDue;
    /** When, by the ticks' clock: set by the first tick after the failure. */
    private Instant retryAt;
    /** The last attempt failed for want of the database (logged once until a batch is stored). */
    private boolean waiting;

    ReportWriter(SlaveConversation.Port port, SlaveConversation conversation) {
        this.port = port;
        this.conversation = conversation;
    }

    /** Queued behind the batches not stored yet; a task is started unless one runs or waits to retry. */
    void add(String from, Message.Reports r) {
        boolean start;
        boolean full;
        synchronized (this) {
            full = unstored.size() >= MAX_UNSTORED;
            if (full) {
                unstored.clear();
            } else {
                unstored.addLast(r);
            }
            start = !full && !storing && !retryDue;
            storing |= start;
        }
        if (full) {
            LOG.warning(() -> "DARP reports of slave '" + from + "': " + MAX_UNSTORED
                    + " batches wait for the database; closed, the slave will resend");
            conversation.end(SlaveConversation.UNAVAILABLE, "reports cannot be stored now");
        } else if (start) {
            port.execute(() -> store(from));
        }
    }

    /** From the conversation's tick: the waiting batches are tried again once their time came. */
    void retryIfDue(String from, Instant now) {
        synchronized (this) {
            if (!retryDue || storing) {
                return;
            }
            if (retryAt == null) {
                retryAt = now.plusMillis(RETRY_MILLIS);
            }
            if (now.isBefore(retryAt)) {
                return;
            }
            retryDue = false;
            retryAt = null;
            storing = true;
        }
        port.execute(() -> store(from));
    }

    private void store(String from) {
        while (true) {
            Message.Reports next;
            synchronized (this) {
                next = conversation.isClosed() ? null : unstored.peekFirst();
                if (next == null) {
                    storing = false;
                    return;
                }
            }
            long ack;
            try {
                ack = port.apply(from, next);
            } catch (RuntimeException e) {
                notStored(from, e);
                return;
            }
            boolean resumed;
            synchronized (this) {
                unstored.pollFirst();
                resumed = waiting;
                waiting = false;
            }
            if (resumed) {
                LOG.info(() -> "DARP reports of slave '" + from + "' are stored again");
            }
            conversation.send(new Message.Ack(ack));
            for (Message.Rejected bad : next.rejected()) {
                conversation.send(new Message.ErrorReply("bad-report", bad.problem(), bad.seq()));
            }
        }
    }

    /** Any failure other than the database's absence (a bug, bad data) closes the stream: the slave resends. */
    private void notStored(String from, RuntimeException e) {
        boolean retry = port.waitsForDatabase(e);
        boolean first;
        synchronized (this) {
            storing = false;
            first = retry && !waiting;
            waiting |= retry;
            retryDue = retry;
            if (!retry) {
                unstored.clear();
            }
        }
        if (!retry) {
            LOG.log(
                    Level.WARNING,
                    "DARP reports of slave '" + from + "' cannot be stored now; the slave will resend",
                    e);
            conversation.end(SlaveConversation.UNAVAILABLE, "reports cannot be stored now");
        } else if (first) {
            LOG.warning(() -> "DARP reports of slave '" + from + "' wait for the database (" + e.getMessage()
                    + "); kept unacked and tried again every " + RETRY_MILLIS + " ms, the link stays up");
        }
    }
}
