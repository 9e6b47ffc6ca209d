package org.argusee.tree.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of one table inserted many at a time: each column goes as one array and {@code unnest} turns the arrays
 * back into rows, so {@value #CHUNK} rows cost one statement (one round trip, one run of each statement trigger)
 * instead of one each. A JDBC batch of single-row inserts sends them together but PostgreSQL still runs them one
 * by one (issue 17: most of a 100,000-service import's time). Rows go in the order they were added.
 */
final class ColumnInsert {

    static final int CHUNK = 20_000;

    private final Connection connection;
    private final String sql;
    private final String[] types;
    private final List<Object[]> rows = new ArrayList<>();
    private int inserted;

    /** @param types each column's PostgreSQL element type (bigint, text, int4, bool) */
    ColumnInsert(Connection connection, String table, List<String> columns, List<String> types) {
        this.connection = connection;
        this.types = types.toArray(String[]::new);
        this.sql = "insert into " + table + " (" + String.join(", ", columns) + ") select * from unnest("
                + String.join(", ", types.stream().map(t -> "?::" + t + "[]").toList()) + ")";
    }

    /** Kept until {@link #flush}: the caller decides the order of tables (objects before their parameters). */
    void add(Object... values) {
        rows.add(values);
    }

    /** @return rows inserted so far */
    int flush() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                for (int column = 0; column < types.length; column++) {
                    Object[] values = new Object[chunk.size()];
                    for (int row = 0; row < values.length; row++) {
                        values[row] = chunk.get(row)[column];
                    }
                    insert.setArray(column + 1, connection.createArrayOf(types[column], values));
                }
                insert.executeUpdate();
            }
        }
        inserted += rows.size();
        rows.clear();
        return inserted;
    }
}
