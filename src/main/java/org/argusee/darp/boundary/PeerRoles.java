package org.argusee.darp.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The peers' tags and roles, all {@link DarpHere} needs, by one plain query without a transaction: the 5 s poll that
 * notices peers edited with plain SQL read them through the EJB and JPA ({@link DarpPeers#allNow}), about 3 ms of
 * CPU a read, a good part of an idle server's (issue 17). Only for a thread that carries no transaction (the
 * poll's own): an {@code AFTER_SUCCESS} observer must use {@link DarpPeers#allNow}.
 */
@ApplicationScoped
public class PeerRoles {

    private static final String ALL = "select tag, role from argus.darp_peer";

    @Resource(lookup = "java:jboss/datasources/ArgusDS")
    DataSource dataSource;

    /** Tag -> role ("master" or "slave"); {@link PeersUnreadable} when the database cannot be asked. */
    public Map<String, String> read() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(ALL);
                ResultSet rs = s.executeQuery()) {
            Map<String, String> roles = new TreeMap<>();
            while (rs.next()) {
                roles.put(rs.getString(1), rs.getString(2));
            }
            return roles;
        } catch (SQLException | RuntimeException e) {
            throw new PeersUnreadable(e);
        }
    }
}
