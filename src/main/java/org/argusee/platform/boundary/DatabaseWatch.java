package org.argusee.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Asks the database for {@code select 1} every {@value #EVERY_MILLIS} ms and tells {@link DatabaseState}: a quiet
 * server (no status change to write, no request) still learns that the database went or came back, so the marker
 * on the API's answers is never more than a few seconds wrong. It asks only when nothing else reached the database
 * within that time: the tree's revision poll does every second, so a healthy server's watch asks nothing (issue
 * 17, the idle server). A plain thread of its own ({@link BackgroundTasks}) with a fixed delay, not an EJB timer
 * (the timer service's machinery cost more than the ping), so a ping that waits (the pool empty, the network cut)
 * delays the next rather than piling up behind it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseWatch {

    static final long EVERY_MILLIS = 2000;
    private static final int QUERY_TIMEOUT_SECONDS = 5;

    @Resource(lookup = "java:jboss/datasources/ArgusDS")
    DataSource dataSource;

    @Inject
    BackgroundTasks background;

    @Inject
    DatabaseState state;

    private ScheduledFuture<?> watching;

    @PostConstruct
    void start() {
        watching = background.scheduleWithFixedDelay(this::watch, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (watching != null) {
            watching.cancel(false);
        }
    }

    void watch() {
        if (!state.reachedWithin(TimeUnit.MILLISECONDS.toNanos(EVERY_MILLIS))) {
            ping();
        }
    }

    void ping() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            s.execute("select 1");
            state.reached();
        } catch (SQLException | RuntimeException e) {
            // any failure to get an answer counts here: the pool empty for the blocking timeout is "unavailable" too
            state.away();
        }
    }
}
