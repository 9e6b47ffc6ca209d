package org.argusee.notify.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.argusee.platform.boundary.BackgroundTasks;
import org.argusee.platform.boundary.MasterLease;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The original's notification janitor: an acknowledged notification older than {@code argus.notify.keep-days} (10,
 * Notify.pm's {@code $OLD_AGE}) is deleted with its deliveries (on delete cascade), so the outbox does not grow for
 * ever. Active ones stay whatever their age, as there, and so does each object's newest (see {@link #PRUNE}). Once an hour, in batches of {@value #BATCH} rows, each its own
 * transaction, so a first run over years of history holds no lock for long; {@code keep-days} 0 keeps everything.
 * Only a server whose lease is confirmed prunes (a standby writes nothing; a lone server always is).
 */
@ApplicationScoped
public class NotificationPruning {

    private static final Logger LOG = Logger.getLogger(NotificationPruning.class.getName());
    static final int BATCH = 1000;
    private static final long PERIOD_MINUTES = 60;
    /**
     * The newest notification of each object stays, however old: the DARP checks (PeerTold, MasterTold) take "what
     * a peer told since this object's previous notification" from it, and without it a report told weeks ago
     * would count as telling a new transition.
     */
    static final String PRUNE = "delete from argus.notification where id in (select n.id from argus.notification n"
            + " where n.state = 'acked' and n.created_at < now() - ? * interval '1 day' and (n.audit"
            + " or n.object_id is null or exists (select 1 from argus.notification m where m.object_id = n.object_id"
            + " and m.id > n.id and not m.audit)) order by n.id limit ? for update of n skip locked)";

    @Inject
    BackgroundTasks background;

    @Inject
    MasterLease lease;

    @Resource(lookup = "java:jboss/datasources/ArgusDS")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "argus.notify.keep-days", defaultValue = "10")
    int keepDays;

    private ScheduledFuture<?> runs;

    void start(@Observes Startup startup) {
        if (keepDays < 0) {
            LOG.warning(() -> "argus.notify.keep-days is " + keepDays + ": read as 0, every notification is kept");
        }
        if (keepDays > 0) {
            runs = background.scheduleWithFixedDelay(this::run, 5, PERIOD_MINUTES, TimeUnit.MINUTES);
        }
    }

    @PreDestroy
    void stop() {
        if (runs != null) {
            runs.cancel(false);
        }
    }

    void run() {
        if (!lease.confirmed()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            int deleted = prune(c, keepDays);
            if (deleted > 0) {
                LOG.info(() -> "Notifications: " + deleted + " acknowledged over " + keepDays + " days old deleted");
            }
        } catch (SQLException | RuntimeException e) {
            // the next hour tries again; a database away is said by the status writer and the readiness check
            LOG.log(Level.WARNING, "Notifications: old ones not deleted this hour", e);
        }
    }

    /**
     * Deletes in batches until none is left; each batch commits on its own (the connection is in auto-commit: the
     * background thread has no transaction).
     */
    static int prune(Connection c, int keepDays) throws SQLException {
        int total = 0;
        try (PreparedStatement s = c.prepareStatement(PRUNE)) {
            s.setInt(1, keepDays);
            s.setInt(2, BATCH);
            int n;
            do {
                n = s.executeUpdate();
                total += n;
            } while (n == BATCH);
        }
        return total;
    }
}
