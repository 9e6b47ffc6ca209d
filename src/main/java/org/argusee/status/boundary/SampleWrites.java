package org.argusee.status.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import org.argusee.status.control.Range;
import org.argusee.status.control.Resolution;
import org.argusee.status.control.Sample;
import org.argusee.status.control.SampleRow;

/**
 * Stores closed sample buckets. Rows merge with what is there (counts and sums add, minimum and maximum widen), so
 * an hour stored in two parts across a restart, or added to its day, comes out whole.
 */
final class SampleWrites {

    private static final String MERGE = "insert into argus.status_sample as s (object_id, resolution, at, probes,"
            + " failures, value_count, value_min, value_sum, value_max, elapsed_min, elapsed_sum, elapsed_max)"
            + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" + StatusStore.EXISTS
            + " on conflict (object_id, resolution, at) do update set probes = s.probes + excluded.probes,"
            + " failures = s.failures + excluded.failures, value_count = s.value_count + excluded.value_count,"
            + " value_min = least(s.value_min, excluded.value_min), value_sum = s.value_sum + excluded.value_sum,"
            + " value_max = greatest(s.value_max, excluded.value_max),"
            + " elapsed_min = least(s.elapsed_min, excluded.elapsed_min),"
            + " elapsed_sum = s.elapsed_sum + excluded.elapsed_sum,"
            + " elapsed_max = greatest(s.elapsed_max, excluded.elapsed_max)";

    private SampleWrites() {}

    static void store(Connection c, List<SampleRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement merge = c.prepareStatement(MERGE)) {
            for (SampleRow row : rows) {
                add(merge, row.objectId(), row.resolution(), row.sample());
                if (row.resolution() == Resolution.HOUR) {
                    Sample s = row.sample();
                    add(merge, row.objectId(), Resolution.DAY, s.at(Resolution.DAY.start(s.start())));
                }
            }
            merge.executeBatch();
        }
    }

    private static void add(PreparedStatement merge, long id, Resolution resolution, Sample s) throws SQLException {
        merge.setLong(1, id);
        merge.setString(2, resolution.label());
        merge.setTimestamp(3, Timestamp.from(s.start()));
        merge.setInt(4, s.probes());
        merge.setInt(5, s.failures());
        Range v = s.value();
        merge.setInt(6, v == null ? 0 : (int) v.count());
        setDouble(merge, 7, v == null ? null : v.min());
        merge.setDouble(8, v == null ? 0 : v.sum());
        setDouble(merge, 9, v == null ? null : v.max());
        merge.setDouble(10, s.elapsed().min());
        merge.setDouble(11, s.elapsed().sum());
        merge.setDouble(12, s.elapsed().max());
        merge.setLong(13, id);
        merge.addBatch();
    }

    private static void setDouble(PreparedStatement p, int index, Double value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.DOUBLE);
        } else {
            p.setDouble(index, value);
        }
    }
}
