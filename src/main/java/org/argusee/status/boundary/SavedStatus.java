package org.argusee.status.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.argusee.status.control.DisplayState;
import org.argusee.status.control.DisplayStatus;
import org.argusee.status.control.ObjectState;
import org.argusee.status.control.OverrideMode;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;
import org.argusee.status.control.UserOverride;

/**
 * Reads what was stored before a restart. A row a person broke with SQL in a way the constraints let through
 * (say an override whose user is blank) is skipped and logged, not allowed to stop the start.
 */
final class SavedStatus {

    private static final Logger LOG = Logger.getLogger(SavedStatus.class.getName());

    private SavedStatus() {}

    static StatusStore.Saved read(Connection c) throws SQLException {
        Map<Long, ObjectState> states = new HashMap<>();
        Map<Long, LastCheck> checks = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select object_id, status, severity, display_status,"
                        + " display_severity, reason, changed_at, result, checked_at from argus.object_status");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                Status status = Status.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT));
                DisplayState shown = DisplayState.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT));
                states.put(
                        id,
                        new ObjectState(
                                status,
                                Severity.fromLabel(rs.getString(3)),
                                new DisplayStatus(shown, Severity.fromLabel(rs.getString(5)), null),
                                rs.getString(6),
                                rs.getTimestamp(7).toInstant(),
                                false));
                Timestamp checked = rs.getTimestamp(9);
                if (checked != null) {
                    checks.put(
                            id,
                            new LastCheck(
                                    checked.toInstant(), rs.getString(8), Duration.ZERO, 0, null, checked.toInstant()));
                }
            }
        }
        return new StatusStore.Saved(states, overrides(c), checks);
    }

    private static Map<Long, UserOverride> overrides(Connection c) throws SQLException {
        Map<Long, UserOverride> overrides = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select object_id, username, text, created_at, expires_at,"
                        + " mode, ticket, quiet from argus.status_override");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                try {
                    Timestamp expires = rs.getTimestamp(5);
                    overrides.put(
                            id,
                            new UserOverride(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getTimestamp(4).toInstant(),
                                    expires == null ? null : expires.toInstant(),
                                    OverrideMode.fromLabel(rs.getString(6)),
                                    rs.getString(7),
                                    rs.getBoolean(8)));
                } catch (IllegalArgumentException e) {
                    LOG.warning(() -> "Override of object " + id + " cannot be used: " + e.getMessage());
                }
            }
        }
        return overrides;
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
