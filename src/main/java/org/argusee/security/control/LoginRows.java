package org.argusee.security.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * What a password check reads of a user: one plain query on a pooled connection, user and roles together. Every
 * request with HTTP Basic (a Prometheus scrape every 15 s, a script) reads it, and the entity's way (a persistence
 * context, the user's row, then its roles in a second query) cost more than the rest of a small request (issue 17).
 */
@ApplicationScoped
public class LoginRows {

    /** An enabled user as stored now. */
    public record Login(String username, String passwordHash, Set<String> roles) {}

    private static final String ENABLED_USER = "select u.username, u.password_hash,"
            + " array(select r.role from argus.user_role r where r.user_id = u.id)"
            + " from argus.app_user u where u.username = ? and u.enabled";

    @Resource(lookup = "java:jboss/datasources/ArgusDS")
    DataSource dataSource;

    /** The enabled user of that name, or null; a failure to read it (the database away) is thrown. */
    public Login enabled(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(ENABLED_USER)) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Set<String> roles = new TreeSet<>();
                Array array = rs.getArray(3);
                for (Object role : (Object[]) array.getArray()) {
                    roles.add((String) role);
                }
                return new Login(rs.getString(1), rs.getString(2), Collections.unmodifiableSet(roles));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read user '" + username + "'", e);
        }
    }
}
