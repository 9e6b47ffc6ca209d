package org.argusee.status.boundary;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.argusee.status.control.EndedOverride;
import org.argusee.status.control.SampleRow;

/**
 * A write batch the database refused for what one of its rows holds (a data error, SQLSTATE class 22, or a
 * constraint, class 23: a NUL in a text, a value out of range, a CHECK or trigger an administrator added), not for
 * being away. Retried whole, such a batch would fail in every round for ever, and nothing else would be stored:
 * before session 17 one UDP/NTP answer with a NUL byte stopped every status write of the server. Instead the batch
 * is stored in halves, a refused half in halves again, until the rows refused on their own are found; those are set
 * aside (logged with the object and the database's message, counted) and everything else is stored, in order. A
 * failure of another kind on the way (the database went away) ends it: what was stored is reported, the rest waits.
 */
final class RefusedRows {

    private static final Logger LOG = Logger.getLogger(RefusedRows.class.getName());

    /** Stores one piece in a transaction of its own (throws as the store does). */
    interface Store {
        void store(StatusBatch piece);
    }

    /** A piece is done: stored, or ({@code setAside}) a single row the database refuses, which is given up. */
    interface Done {
        void done(StatusBatch piece, boolean setAside);
    }

    private RefusedRows() {}

    /** Whether the failure is the database refusing what a row holds (SQLSTATE class 22 or 23). */
    static boolean refused(Throwable failure) {
        return refusal(failure) != null;
    }

    /** The database's own refusal in the failure's causes, or null. */
    private static SQLException refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                // a batched statement's BatchUpdateException carries the statement's own error as its next one
                for (SQLException n = e.getNextException(); n != null && e instanceof BatchUpdateException; ) {
                    if (dataOrConstraint(n)) {
                        return n;
                    }
                    n = n.getNextException();
                }
                if (dataOrConstraint(e)) {
                    return e;
                }
            }
        }
        return null;
    }

    private static boolean dataOrConstraint(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /**
     * Stores the batch (refused whole already) around its refused rows: each half in order, a refused half split
     * again; a single refused row is set aside. Pieces are prefixes of what is left of each of the batch's lists, so
     * the caller can drop each from the front of its queue as it is done.
     */
    static void storeAround(StatusBatch batch, RuntimeException why, Store store, Done done) {
        if (batch.size() <= 1) {
            setAside(batch, why, done);
            return;
        }
        int half = batch.size() / 2;
        for (StatusBatch piece : List.of(first(batch, half), rest(batch, half))) {
            try {
                store.store(piece);
            } catch (RuntimeException e) {
                if (!refused(e)) {
                    throw e;
                }
                storeAround(piece, e, store, done);
                continue;
            }
            done.done(piece, false);
        }
    }

    /**
     * The once-a-minute store of check times and last results around marks the database refuses: one statement
     * for all, so one refused row would fail every minute's store whole and no object's check time would be stored
     * again. Refused, the marks are stored in halves, a refused half in halves again; a single refused mark is
     * skipped (logged; it is refused again next minute, its object's status rows are set aside the same way). A
     * failure of another kind (the database away) is thrown as before.
     */
    static void touchAround(List<LastCheck.Mark> marks, Consumer<List<LastCheck.Mark>> touch) {
        try {
            touch.accept(marks);
        } catch (RuntimeException e) {
            if (!refused(e) || marks.isEmpty()) {
                throw e;
            }
            if (marks.size() == 1) {
                SQLException refusal = refusal(e);
                LOG.warning(() -> "The database refuses the check time of object "
                        + marks.get(0).objectId() + ", which is not stored: " + refusal.getSQLState() + " "
                        + refusal.getMessage());
                return;
            }
            int half = marks.size() / 2;
            touchAround(marks.subList(0, half), touch);
            touchAround(marks.subList(half, marks.size()), touch);
        }
    }

    private static void setAside(StatusBatch row, RuntimeException why, Done done) {
        SQLException refusal = refusal(why);
        LOG.severe(() -> "The database refuses this status row, which is set aside (not stored; the object shows it"
                + " until its next change): " + describe(row) + ": "
                + (refusal == null ? why : refusal.getSQLState() + " " + refusal.getMessage()));
        done.done(row, true);
    }

    private static String describe(StatusBatch row) {
        if (!row.statuses().isEmpty()) {
            StatusRow s = row.statuses().get(0);
            return "status of " + s.fullName() + " (object " + s.objectId() + "), reason '"
                    + (s.change().after() == null ? "" : s.change().after().reason()) + "', result '" + s.result()
                    + "'";
        }
        if (!row.samples().isEmpty()) {
            SampleRow s = row.samples().get(0);
            return "sample of object " + s.objectId() + " (" + s.resolution() + ")";
        }
        EndedOverride e = row.ended().get(0);
        return "ended override of object " + e.objectId();
    }

    /** The batch's first {@code n} rows in its order (statuses, samples, ended overrides). */
    static StatusBatch first(StatusBatch b, int n) {
        int s = Math.min(n, b.statuses().size());
        int m = Math.min(n - s, b.samples().size());
        int e = Math.min(n - s - m, b.ended().size());
        return new StatusBatch(
                b.statuses().subList(0, s), b.samples().subList(0, m), b.ended().subList(0, e));
    }

    /** The batch after its first {@code n} rows. */
    static StatusBatch rest(StatusBatch b, int n) {
        StatusBatch f = first(b, n);
        return new StatusBatch(
                b.statuses().subList(f.statuses().size(), b.statuses().size()),
                b.samples().subList(f.samples().size(), b.samples().size()),
                b.ended().subList(f.ended().size(), b.ended().size()));
    }
}
