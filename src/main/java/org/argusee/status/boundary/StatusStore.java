package org.argusee.status.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.argusee.platform.boundary.MasterLease;
import org.argusee.status.control.DayTally;
import org.argusee.status.control.EndedOverride;
import org.argusee.status.control.ObjectState;
import org.argusee.status.control.Resolution;
import org.argusee.status.control.SampleRow;
import org.argusee.status.control.Severity;
import org.argusee.status.control.StateChange;
import org.argusee.status.control.Status;
import org.argusee.status.control.Transition;
import org.argusee.status.control.UserOverride;
import org.hibernate.Session;

/**
 * Stores a batch of status changes in one transaction, however many probes produced them: status rows,
 * transition log entries (trimmed to the last {@value #KEPT_TRANSITIONS} per object), availability by day,
 * closed sample buckets, ended overrides. Rows of objects deleted meanwhile are skipped rather than failing the
 * batch. Each announced change is fired as a {@link StatusChanged} event within the transaction (observers use
 * AFTER_SUCCESS). A CDI bean rather than an EJB, so the writer can still store the last changes while the
 * application stops (EJBs may be stopped before it).
 */
@ApplicationScoped
@Transactional
public class StatusStore {

    static final int KEPT_TRANSITIONS = 200;
    /**
     * Rows only for objects that still exist. Locking the object's row (as the foreign key check would) rather
     * than testing with exists: an object deleted by a transaction that commits meanwhile is then skipped, not a
     * foreign key violation failing the whole batch.
     */
    static final String EXISTS = " from argus.object where id = ? for key share";

    private static final String UPSERT = "insert into argus.object_status (object_id, status, display_status,"
            + " severity, display_severity, reason, result, changed_at, checked_at)"
            + " select ?, ?, ?, ?, ?, ?, ?, ?, ?" + EXISTS
            + " on conflict (object_id) do update set status = excluded.status,"
            + " display_status = excluded.display_status, severity = excluded.severity,"
            + " display_severity = excluded.display_severity, reason = excluded.reason,"
            + " result = case when excluded.checked_at is null then object_status.result else excluded.result end,"
            + " changed_at = excluded.changed_at,"
            + " checked_at = coalesce(excluded.checked_at, object_status.checked_at)";
    private static final String FORGET = "delete from argus.object_status where object_id = ?";
    private static final String TRANSITION = "insert into argus.status_transition"
            + " (object_id, at, old_status, new_status, severity, reason) select ?, ?, ?, ?, ?, ?" + EXISTS;
    private static final String TRIM = "delete from argus.status_transition where object_id = ? and id <="
            + " (select id from argus.status_transition where object_id = ? order by id desc offset "
            + KEPT_TRANSITIONS + " limit 1)";
    private static final String DAY = "insert into argus.status_daily (object_id, day, up_seconds, down_seconds,"
            + " times_down) select ?, ?, ?, ?, ?" + EXISTS + " on conflict (object_id, day) do update set"
            + " up_seconds = status_daily.up_seconds + excluded.up_seconds,"
            + " down_seconds = status_daily.down_seconds + excluded.down_seconds,"
            + " times_down = status_daily.times_down + excluded.times_down";
    private static final String END_OVERRIDE =
            "delete from argus.status_override where object_id = ? and created_at = ?";
    /**
     * Check times go as microseconds since the epoch in a binary-friendly {@code bigint[]}, not as timestamps: the
     * driver wrote each {@code Timestamp} of a {@code timestamptz[]} as text through its calendar fields, most of the
     * once-a-minute store of 20,000 check times on the writer's thread (issue 17). An interval of microseconds added
     * to the epoch is exact (no zone, no calendar).
     */
    private static final String TOUCH = "update argus.object_status s"
            + " set checked_at = timestamptz 'epoch' + v.us * interval '1 microsecond', result = v.result"
            + " from unnest(?::bigint[], ?::bigint[], ?::text[]) as v(id, us, result) where s.object_id = v.id";

    /** What was stored before a restart. */
    public record Saved(
            Map<Long, ObjectState> states, Map<Long, UserOverride> overrides, Map<Long, LastCheck> checks) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<StatusChanged> changed;

    /** Every write first checks, in its transaction, that this server still holds the master lease (issue 16). */
    @Inject
    MasterLease lease;

    public void store(StatusBatch batch) {
        em.unwrap(Session.class).doWork(c -> {
            lease.fence(c);
            ObjectLocks.lock(
                    c,
                    LongStream.concat(
                            batch.statuses().stream().mapToLong(StatusRow::objectId),
                            LongStream.concat(
                                    batch.samples().stream().mapToLong(SampleRow::objectId),
                                    batch.ended().stream().mapToLong(EndedOverride::objectId))));
            storeStatuses(c, batch.statuses());
            SampleWrites.store(c, batch.samples());
            if (!batch.ended().isEmpty()) { // rare: no statement prepared in each round for none
                try (PreparedStatement end = c.prepareStatement(END_OVERRIDE)) {
                    for (EndedOverride e : batch.ended()) {
                        end.setLong(1, e.objectId());
                        end.setTimestamp(2, Timestamp.from(e.override().created()));
                        end.addBatch();
                    }
                    end.executeBatch();
                }
            }
        });
        // announced in full-name order (stable: one object's changes keep theirs): the observers' writes (notify's
        // told ledger, argus.darp_told) then lock rows in the order the other writers of those rows use
        batch.statuses().stream()
                .filter(r -> r.change().announced())
                .map(StatusStore::event)
                .sorted(Comparator.comparing(StatusChanged::fullName))
                .forEach(changed::fire);
    }

    /** Writes check times and results (once a minute), in one statement. */
    public void touch(List<LastCheck.Mark> marks) {
        if (marks.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            lease.fence(c);
            ObjectLocks.lock(c, marks.stream().mapToLong(LastCheck.Mark::objectId));
            int n = marks.size();
            Long[] ids = new Long[n];
            Long[] micros = new Long[n];
            String[] results = new String[n];
            for (int i = 0; i < n; i++) {
                LastCheck.Mark m = marks.get(i);
                ids[i] = m.objectId();
                micros[i] = micros(m.at());
                results[i] = m.result();
            }
            try (PreparedStatement touch = c.prepareStatement(TOUCH)) {
                touch.setArray(1, c.createArrayOf("bigint", ids));
                touch.setArray(2, c.createArrayOf("bigint", micros));
                touch.setArray(3, c.createArrayOf("text", results));
                touch.executeUpdate();
            }
        });
    }

    /**
     * Microseconds since the epoch, rounded half up as the driver rounds a {@code Timestamp}'s nanoseconds for the
     * status rows' {@code checked_at} ({@link #store}), so both ways store the same time.
     */
    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), (at.getNano() + 500) / 1000);
    }

    /** Drops samples older than their resolution keeps them. */
    public void prune(Instant now) {
        em.unwrap(Session.class).doWork(c -> {
            lease.fence(c);
            try (PreparedStatement prune =
                    c.prepareStatement("delete from argus.status_sample where resolution = ? and at < ?")) {
                for (Resolution r : Resolution.values()) {
                    prune.setString(1, r.label());
                    prune.setTimestamp(2, Timestamp.from(now.minus(r.kept())));
                    prune.addBatch();
                }
                prune.executeBatch();
            }
        });
    }

    public Saved load() {
        return em.unwrap(Session.class).doReturningWork(SavedStatus::read);
    }

    private static void storeStatuses(Connection c, List<StatusRow> rows) throws SQLException {
        if (rows.isEmpty()) { // a round of samples only: no statements to prepare
            return;
        }
        Set<Long> logged = new LinkedHashSet<>();
        try (PreparedStatement upsert = c.prepareStatement(UPSERT);
                PreparedStatement forget = c.prepareStatement(FORGET);
                PreparedStatement transition = c.prepareStatement(TRANSITION);
                PreparedStatement day = c.prepareStatement(DAY)) {
            for (StatusRow row : rows) {
                StateChange change = row.change();
                ObjectState s = change.after();
                addDays(day, row);
                if (s == null) {
                    // unknown again: no row, as for an object never checked (in order with the upserts: flushed first)
                    upsert.executeBatch();
                    forget.setLong(1, row.objectId());
                    forget.executeUpdate();
                    continue;
                }
                upsert.setLong(1, row.objectId());
                upsert.setString(2, s.status().label());
                upsert.setString(3, s.display().state().label());
                upsert.setString(4, s.severity().label());
                upsert.setString(5, s.display().severity().label());
                upsert.setString(6, s.reason());
                upsert.setString(7, row.result());
                upsert.setTimestamp(8, Timestamp.from(s.since()));
                upsert.setTimestamp(9, row.checkedAt() == null ? null : Timestamp.from(row.checkedAt()));
                upsert.setLong(10, row.objectId());
                upsert.addBatch();
                if (change.logged()) {
                    transition.setLong(1, row.objectId());
                    transition.setTimestamp(2, Timestamp.from(change.at()));
                    transition.setString(
                            3,
                            change.before() == null
                                    ? null
                                    : change.before().display().state().label());
                    transition.setString(4, s.display().state().label());
                    transition.setString(5, s.display().severity().label());
                    transition.setString(6, row.logReason());
                    transition.setLong(7, row.objectId());
                    transition.addBatch();
                    logged.add(row.objectId());
                }
            }
            upsert.executeBatch();
            transition.executeBatch();
            day.executeBatch();
        }
        if (logged.isEmpty()) {
            return;
        }
        try (PreparedStatement trim = c.prepareStatement(TRIM)) {
            for (long id : logged) {
                trim.setLong(1, id);
                trim.setLong(2, id);
                trim.addBatch();
            }
            trim.executeBatch();
        }
    }

    private static void addDays(PreparedStatement day, StatusRow row) throws SQLException {
        for (DayTally d : row.days()) {
            day.setLong(1, row.objectId());
            day.setObject(2, d.day());
            day.setDouble(3, d.upSeconds());
            day.setDouble(4, d.downSeconds());
            day.setInt(5, d.timesDown());
            day.setLong(6, row.objectId());
            day.addBatch();
        }
    }

    private static StatusChanged event(StatusRow row) {
        StateChange c = row.change();
        ObjectState before = c.before();
        ObjectState after = c.after() == null ? before : c.after();
        Transition t = new Transition(
                before == null ? Status.UP : before.status(),
                before == null ? Severity.CLEAR : before.severity(),
                after.status(),
                after.severity(),
                after.reason(),
                c.at());
        return new StatusChanged(
                row.objectId(),
                row.fullName(),
                t,
                before == null ? null : before.display(),
                c.after() == null ? null : c.after().display(),
                row.inOverride());
    }
}
