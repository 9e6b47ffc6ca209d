package org.argusee.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.argusee.testsupport.ServerDatabase;

/** What the DARP benchmark reads straight from a server's database (all servers share the machine's clock). */
final class BenchQueries {

    private static final String SERVICES_UNDER =
            " from argus.object_full_name f where f.kind = 'Service'" + " and f.full_name like ? ";

    private final ServerDatabase db;

    BenchQueries(ServerDatabase db) {
        this.db = db;
    }

    /** Services under a group (full name prefix), as this server's tree has them. */
    long services(String group) {
        return number("select count(*)" + SERVICES_UNDER, group + ":%");
    }

    /** Master: slaves' stored reports on services (not hosts, which are reported too) under the group with that status. */
    long reports(String group, String status) {
        return number(
                "select count(*) from argus.darp_report r join argus.object_full_name f on f.id = r.object_id"
                        + " where f.full_name like ? and f.kind = 'Service' and r.status = ?",
                group + ":%",
                status);
    }

    /** This server's stored status of services under the group with that status (on a master: the combined one). */
    long statuses(String group, String status) {
        return number(
                "select count(*) from argus.object_status s join argus.object_full_name f"
                        + " on f.id = s.object_id where f.full_name like ? and f.kind = 'Service' and s.status = ?",
                group + ":%",
                status);
    }

    /** Rows of a small diagnostic query, as text, for a run that stalls. */
    String rows(String sql) {
        StringBuilder sb = new StringBuilder();
        try (Connection c = db.connect();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                sb.append(sb.isEmpty() ? "" : "; ");
                for (int i = 1; i <= columns; i++) {
                    sb.append(i > 1 ? " " : "").append(rs.getString(i));
                }
            }
            return sb.toString();
        } catch (SQLException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    /** Master: sum of last_seq over its slaves (one per report item applied or acked). */
    long lastSeqs() {
        return number("select coalesce(sum(last_seq), 0) from argus.darp_link");
    }

    /** Master: received_at - reported_at (ms) of the stored reports with that status received since {@code from}. */
    List<Double> storeLatencies(String group, String status, Instant from) {
        return doubles(
                "select extract(epoch from (r.received_at - r.reported_at)) * 1000 from argus.darp_report r"
                        + " join argus.object_full_name f on f.id = r.object_id where f.full_name like ? and f.kind = 'Service'"
                        + " and r.status = ? and r.received_at >= ?",
                group + ":%",
                status,
                from);
    }

    /**
     * Master: per service, its stored transition to {@code status} since {@code from} minus the first slave report
     * of that status (ms); only non-negative values (a negative one was caused by the master's own probe).
     */
    List<Double> firstReportToTransition(String group, String status, Instant from) {
        return doubles(
                "with t as (select object_id, min(at) at from argus.status_transition where new_status = ?"
                        + " and at >= ? group by object_id), r as (select object_id, min(reported_at) at from"
                        + " argus.darp_report where status = ? and received_at >= ? group by object_id)"
                        + " select extract(epoch from (t.at - r.at)) * 1000 from t join r using (object_id)"
                        + " join argus.object_full_name f on f.id = t.object_id where f.full_name like ?"
                        + " and f.kind = 'Service' and t.at >= r.at",
                status,
                from,
                status,
                from,
                group + ":%");
    }

    /** Master: a few stored reports (object, status, severity, reason, at, seq) to size a report item's JSON. */
    List<String[]> sampleReports(int limit) {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = db.connect();
                PreparedStatement s = c.prepareStatement("select f.full_name, r.status,"
                        + " r.severity, r.reason, r.reported_at, r.seq, r.override from argus.darp_report r"
                        + " join argus.object_full_name f on f.id = r.object_id order by r.seq desc limit ?")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant().toString(),
                        String.valueOf(rs.getLong(6)),
                        String.valueOf(rs.getBoolean(7))
                    });
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("sample reports in " + db.name(), e);
        }
    }

    long number(String sql, Object... args) {
        List<Double> one = doubles(sql, args);
        return one.isEmpty() ? 0 : one.get(0).longValue();
    }

    private List<Double> doubles(String sql, Object... args) {
        try (Connection c = db.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Instant at) {
                    s.setTimestamp(i + 1, Timestamp.from(at));
                } else {
                    s.setString(i + 1, (String) args[i]);
                }
            }
            List<Double> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getDouble(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + db.name() + ": " + sql, e);
        }
    }
}
