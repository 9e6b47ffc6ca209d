package org.argusee.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Asks the database for {@code select 1} every {@value #EVERY_MILLIS} ms and tells {@link DatabaseState}: a quiet
 * server (no status change to write, no request) still learns that the database went or came back, so the marker
 * on the API's answers is never more than a few seconds wrong. A single-action timer re-armed after each ping, so a
 * ping that waits (the pool empty, the network cut) delays the next rather than piling up behind it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseWatch {

    static final long EVERY_MILLIS = 2000;
    private static final int QUERY_TIMEOUT_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(DatabaseWatch.class.getName());

    @Resource(lookup = "java:jboss/datasources/ArgusDS")
    DataSource dataSource;

    @Resource
    TimerService timers;

    @Inject
    DatabaseState state;

    @PostConstruct
    void start() {
        next();
    }

    @Timeout
    void ping() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            s.execute("select 1");
            state.reached();
        } catch (SQLException | RuntimeException e) {
            // any failure to get an answer counts here: the pool empty for the blocking timeout is "unavailable" too
            state.away();
        } finally {
            next();
        }
    }

    private void next() {
        try {
            timers.createSingleActionTimer(EVERY_MILLIS, new TimerConfig("database-watch", false));
        } catch (IllegalStateException | jakarta.ejb.EJBException e) {
            LOG.fine("Database watch not rescheduled: the application is stopping");
        }
    }
}
