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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Asks the database whether it answers (a connection from the application's pool, then {@link Connection#isValid})
 * every {@value #EVERY_MILLIS} ms and tells {@link DatabaseState}: a quiet server (no status change to write, no
 * request) still learns that the database went or came back, or that the pool has no connection to give, so the
 * marker on the API's answers is never more than a few seconds wrong. It asks only when nothing else reached the
 * database within that time (the status writer's rounds while statuses change; issue 17, the idle server). A
 * database that stops is seen at once by the tree's listening connection ({@code TreeCache}), whose poll then
 * tells. A plain thread of its own ({@link BackgroundTasks}) with a fixed delay, not an EJB timer (the timer
 * service's machinery cost more than the ping), so a ping that waits (the pool empty, the network cut) delays the
 * next rather than piling up behind it.
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
        // isValid: one round trip with the socket's own timeout; a statement's query timeout also woke the
        // driver's timer thread twice for each ping (issue 17, the idle server)
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(QUERY_TIMEOUT_SECONDS)) {
                state.reached();
            } else {
                state.away();
            }
        } catch (SQLException | RuntimeException e) {
            // any failure to get an answer counts here: the pool empty for the blocking timeout is "unavailable" too
            state.away();
        }
    }
}
