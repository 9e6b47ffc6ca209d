package org.argusee.platform.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.argusee.platform.control.ActiveMember;

/** The statements on {@code argus.master_lease} that {@link MasterLease} runs, each in a transaction of its own. */
final class LeaseRow {

    /** Renews the holder's own lease (same epoch) or takes a lease that has run out (next epoch). */
    private static final String CLAIM = "update argus.master_lease set"
            + " epoch = case when holder = ? and epoch = ? then epoch else epoch + 1 end,"
            + " taken_at = case when holder = ? and epoch = ? then taken_at else now() end,"
            + " holder = ?, holder_url = ?, expires_at = now() + make_interval(secs => ?)"
            + " where id = 1 and ((holder = ? and epoch = ?) or expires_at < now()) returning epoch";

    private static final String READ =
            "select holder, holder_url, expires_at > now() from argus.master_lease where id = 1";

    private LeaseRow() {}

    /** After an attempt: the epoch this server holds (-1 if none) and who holds the lease. */
    record Claim(long epoch, ActiveMember active) {}

    /**
     * Renews or takes the lease ({@code take}; otherwise only reads it), then reads who holds it, in one
     * transaction.
     */
    static Claim claim(Connection c, String holder, String url, long epoch, int seconds, boolean take)
            throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set local lock_timeout = '2s'");
            long got = -1;
            if (take) {
                try (PreparedStatement claim = c.prepareStatement(CLAIM)) {
                    claim.setString(1, holder);
                    claim.setLong(2, epoch);
                    claim.setString(3, holder);
                    claim.setLong(4, epoch);
                    claim.setString(5, holder);
                    claim.setString(6, url);
                    claim.setInt(7, seconds);
                    claim.setString(8, holder);
                    claim.setLong(9, epoch);
                    try (ResultSet rs = claim.executeQuery()) {
                        got = rs.next() ? rs.getLong(1) : -1;
                    }
                }
            }
            ActiveMember active = ActiveMember.UNKNOWN;
            try (ResultSet rs = s.executeQuery(READ)) {
                if (rs.next()) {
                    active = new ActiveMember(rs.getString(1), rs.getString(2), rs.getBoolean(3));
                }
            }
            c.commit();
            return new Claim(got, active);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /** The holder's name in the row when {@code argus.pair.member} does not give one: pid@host. */
    static String defaultHolder() {
        try {
            return ProcessHandle.current().pid() + "@"
                    + java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return ProcessHandle.current().pid() + "@argus";
        }
    }
}
