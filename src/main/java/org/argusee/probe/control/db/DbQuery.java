package org.argusee.probe.control.db;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of a DB service's query, as the original's {@code DataBase}: connect with {@code user} and {@code pass},
 * run {@code sql}, and give the rows as text, one line each: the columns separated by a space, or {@code rowfmt}
 * with each {@code %{column}} replaced (a NULL is empty). Unlike the original, the statement must be one SELECT
 * (or WITH ... SELECT, VALUES), and it runs in a read-only transaction that is rolled back, with a query timeout:
 * a monitor must not change the database it watches.
 */
final class DbQuery {

    private static final Pattern READING = Pattern.compile("(?is)\\s*(select|with|values)\\b.*");
    private static final Pattern FIELD = Pattern.compile("%\\{([^}]+)}");
    private static final int MAX_TEXT = 64 * 1024;

    private DbQuery() {}

    /** @throws IllegalArgumentException when the statement is not one query */
    static String checkSql(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("no sql: set 'sql' to a select statement");
        }
        String s = sql.strip();
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (!READING.matcher(s).matches() || s.contains(";")) {
            throw new IllegalArgumentException("sql must be one SELECT statement, not '" + sql.strip() + "'");
        }
        return s;
    }

    /** The rows as text. @throws SQLException with the driver's reason */
    static String run(Driver driver, String url, Map<String, String> params, int timeoutSeconds) throws SQLException {
        String sql = checkSql(params.get("sql"));
        Properties props = new Properties();
        if (params.get("user") != null) {
            props.setProperty("user", params.get("user"));
        }
        if (params.get("pass") != null) {
            props.setProperty("password", params.get("pass"));
        }
        // PostgreSQL's driver: the connect and every read end within the timeout
        props.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        props.setProperty("socketTimeout", Integer.toString(timeoutSeconds + 1));
        props.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
        try (Connection c = driver.connect(url, props)) {
            if (c == null) {
                throw new SQLException("the driver does not take " + url);
            }
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (Statement st = c.createStatement()) {
                st.setQueryTimeout(timeoutSeconds);
                st.setMaxRows(10_000);
                try (ResultSet rs = st.executeQuery(sql)) {
                    return rows(rs, params.get("rowfmt"));
                }
            } finally {
                c.rollback();
            }
        }
    }

    private static String rows(ResultSet rs, String rowfmt) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        StringBuilder out = new StringBuilder();
        while (rs.next() && out.length() < MAX_TEXT) {
            if (rowfmt != null && !rowfmt.isEmpty()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), text(rs.getString(i)));
                }
                Matcher m = FIELD.matcher(rowfmt);
                StringBuilder line = new StringBuilder();
                while (m.find()) {
                    String v = row.get(m.group(1).toLowerCase(Locale.ROOT));
                    m.appendReplacement(line, Matcher.quoteReplacement(text(v)));
                }
                m.appendTail(line);
                out.append(line);
            } else {
                for (int i = 1; i <= n; i++) {
                    out.append(i > 1 ? " " : "").append(text(rs.getString(i)));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String text(String v) {
        return v == null ? "" : v;
    }
}
