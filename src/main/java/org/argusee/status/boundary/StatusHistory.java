package org.argusee.status.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.argusee.platform.control.Jdbc;
import org.argusee.status.control.DayTally;
import org.argusee.status.control.Range;
import org.argusee.status.control.Resolution;
import org.argusee.status.control.Sample;
import org.hibernate.Session;

/** Reads an object's stored history: its transition log, its days of availability, its result samples. */
@Stateless
public class StatusHistory {

    @PersistenceContext
    EntityManager em;

    /** Newest first. */
    public TransitionPage transitions(long objectId, int offset, int limit) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            int total = Jdbc.queryFirst(
                            c,
                            "select count(*) from argus.status_transition where object_id = ?",
                            s -> s.setLong(1, objectId),
                            rs -> rs.getInt(1))
                    .orElse(0);
            List<TransitionView> items = Jdbc.query(
                    c,
                    "select id, at, old_status, new_status, severity, reason"
                            + " from argus.status_transition where object_id = ? order by id desc offset ? limit ?",
                    s -> {
                        s.setLong(1, objectId);
                        s.setInt(2, offset);
                        s.setInt(3, limit);
                    },
                    rs -> new TransitionView(
                            rs.getLong(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6)));
            return new TransitionPage(total, offset, limit, items);
        });
    }

    /** The kept logs of several objects at once, by object id, in no particular order. */
    public Map<Long, List<TransitionView>> transitionsOf(List<Long> objectIds) {
        Map<Long, List<TransitionView>> logs = new HashMap<>();
        em.unwrap(Session.class)
                .doWork(c -> Jdbc.query(
                        c,
                        "select object_id, id, at, old_status, new_status, severity, reason"
                                + " from argus.status_transition where object_id = any(?)",
                        s -> s.setArray(1, c.createArrayOf("bigint", objectIds.toArray())),
                        rs -> logs.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                                .add(new TransitionView(
                                        rs.getLong(2),
                                        rs.getTimestamp(3).toInstant(),
                                        rs.getString(4),
                                        rs.getString(5),
                                        rs.getString(6),
                                        rs.getString(7)))));
        return logs;
    }

    public List<DayTally> days(long objectId, LocalDate from, LocalDate to) {
        return em.unwrap(Session.class)
                .doReturningWork(c -> Jdbc.query(
                        c,
                        "select day, up_seconds, down_seconds,"
                                + " times_down from argus.status_daily where object_id = ? and day between ? and ?",
                        s -> {
                            s.setLong(1, objectId);
                            s.setObject(2, from);
                            s.setObject(3, to);
                        },
                        rs -> new DayTally(
                                rs.getObject(1, LocalDate.class), rs.getDouble(2), rs.getDouble(3), rs.getInt(4))));
    }

    /** Buckets starting in [from, to), oldest first. */
    public List<Sample> samples(long objectId, Resolution resolution, Instant from, Instant to) {
        return em.unwrap(Session.class)
                .doReturningWork(c -> Jdbc.query(
                        c,
                        "select at, probes, failures,"
                                + " value_count, value_min, value_sum, value_max, elapsed_min, elapsed_sum, elapsed_max"
                                + " from argus.status_sample where object_id = ? and resolution = ? and at >= ? and at < ?"
                                + " order by at",
                        s -> {
                            s.setLong(1, objectId);
                            s.setString(2, resolution.label());
                            s.setTimestamp(3, Timestamp.from(from));
                            s.setTimestamp(4, Timestamp.from(to));
                        },
                        StatusHistory::sample));
    }

    private static Sample sample(ResultSet rs) throws SQLException {
        int probes = rs.getInt(2);
        int values = rs.getInt(4);
        Range value = values == 0 ? null : new Range(values, rs.getDouble(5), rs.getDouble(6), rs.getDouble(7));
        return new Sample(
                rs.getTimestamp(1).toInstant(),
                probes,
                rs.getInt(3),
                value,
                new Range(probes, rs.getDouble(8), rs.getDouble(9), rs.getDouble(10)));
    }
}
