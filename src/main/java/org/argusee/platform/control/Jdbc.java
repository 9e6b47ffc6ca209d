package org.argusee.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The loop every hand-written JDBC query repeats (prepare, bind, execute, map each row, close both), written once.
 * For the plain queries that JPA would only make slower or harder to read; the SQL stays parameterised: values go
 * in through the {@link Binder}, never into the text.
 */
public final class Jdbc {

    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    /** Makes one value of the current row; does not move the cursor. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Jdbc() {}

    /** Every row the query gives, in its order. */
    public static <T> List<T> query(Connection c, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    /** The first row the query gives, if any (for one that gives at most one: a count, an insert's returning). */
    public static <T> Optional<T> queryFirst(Connection c, String sql, Binder binder, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
        }
    }

    /** How many rows the statement changed. */
    public static int update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        }
    }
}
