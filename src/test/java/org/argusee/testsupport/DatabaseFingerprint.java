package org.argusee.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a refused request must not change, read from the deployed server's own database: the tree (objects,
 * parameters, config blocks, revision), users and roles, DARP peers, notification methods, and the status an
 * operator sets (overrides, annotations). Probe results are left out: the server writes them by itself.
 */
public final class DatabaseFingerprint {

    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("config_revision", "select revision::text from argus.config_revision");
        QUERIES.put("object", digest("argus.object t", "t.id"));
        QUERIES.put("param", digest("argus.param t", "t.object_id, t.key, t.local"));
        QUERIES.put("config_block", digest("argus.config_block t", "t::text"));
        QUERIES.put("config_block_line", digest("argus.config_block_line t", "t::text"));
        QUERIES.put("darp_peer", digest("argus.darp_peer t", "t.id"));
        QUERIES.put("app_user", digest("argus.app_user t", "t.id"));
        QUERIES.put("user_role", digest("argus.user_role t", "t.user_id, t.role"));
        QUERIES.put("notify_method", digest("argus.notify_method t", "t::text"));
        QUERIES.put("status_override", digest("argus.status_override t", "t::text"));
        QUERIES.put("status_annotation", digest("argus.status_annotation t", "t::text"));
    }

    private DatabaseFingerprint() {}

    /** One digest per table, in a fixed order. */
    public static Map<String, String> of(Connection db) throws SQLException {
        Map<String, String> state = new LinkedHashMap<>();
        try (Statement s = db.createStatement()) {
            for (Map.Entry<String, String> q : QUERIES.entrySet()) {
                try (ResultSet rs = s.executeQuery(q.getValue())) {
                    state.put(q.getKey(), rs.next() ? rs.getString(1) : "");
                }
            }
        }
        return state;
    }

    private static String digest(String table, String order) {
        return "select md5(coalesce(string_agg(t::text, '|' order by " + order + "), '')) from " + table;
    }
}
