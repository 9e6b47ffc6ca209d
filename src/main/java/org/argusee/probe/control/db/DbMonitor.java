package org.argusee.probe.control.db;

import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.MonitorRoute;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.NetLoop;

/**
 * {@code DB} services: the query of {@link DbQuery} on a small pool of its own (JDBC blocks; the probing loop must
 * not), through a JDBC driver found among those the server can load ({@code dsn} mapped by {@link DbiDsn}). The
 * reply's value is the rows as text, judged like any result; a failure is "db error: " and the driver's reason
 * (never the password). The driver's own timeouts and a timer both end a query that runs past {@code timeout}.
 */
public final class DbMonitor implements Monitor, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DbMonitor.class.getName());
    static final String BUSY = "too many database queries running";

    private final ExecutorService pool;
    private final ClassLoader drivers;

    /** @param threads how many queries run at once; a probe past that fails as busy rather than queueing */
    public DbMonitor(int threads, ClassLoader drivers) {
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "argus-db");
            t.setDaemon(true);
            return t;
        });
        this.drivers = drivers;
    }

    /**
     * Whether a DB service can be tested at all, when it is planned: as the original's "dsn not specified",
     * "sql select not specified", and here also a DSN with no JDBC mapping or a statement that is not one SELECT.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static void check(java.util.Map<String, String> params) {
        DbiDsn.parse(params.get("dsn"));
        DbQuery.checkSql(params.get("sql"));
    }

    @Override
    public boolean handles(ProbeSpec spec) {
        return MonitorRoute.DB.takes(spec.type());
    }

    @Override
    public CompletionStage<Reply> probe(ProbeSpec spec) {
        long start = System.nanoTime();
        DbiDsn dsn;
        Driver driver;
        try {
            dsn = DbiDsn.parse(spec.params().get("dsn"));
            DbQuery.checkSql(spec.params().get("sql"));
            driver = driver(dsn);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedStage(Reply.failed(e.getMessage(), Duration.ZERO));
        }
        int seconds = (int) Math.max(1, Math.min(3600, spec.timeout().toSeconds()));
        CompletableFuture<Reply> result = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                try {
                    String rows = DbQuery.run(driver, dsn.jdbcUrl(), spec.params(), seconds);
                    result.complete(Reply.ok(rows, since(start)));
                } catch (SQLException | RuntimeException e) {
                    LOG.log(Level.FINE, "DB query of " + dsn.jdbcUrl() + " failed", e);
                    result.complete(Reply.failed("db error: " + reason(e), since(start)));
                }
            });
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedStage(
                    Reply.failed(pool.isShutdown() ? NetLoop.SHUT_DOWN : BUSY, Duration.ZERO));
        }
        return result.completeOnTimeout(Reply.failed("timeout", spec.timeout()), seconds + 2L, TimeUnit.SECONDS)
                .minimalCompletionStage();
    }

    private Driver driver(DbiDsn dsn) {
        for (Driver d : ServiceLoader.load(Driver.class, drivers)) {
            try {
                if (d.acceptsURL(dsn.jdbcUrl())) {
                    return d;
                }
            } catch (SQLException e) {
                // a driver that cannot say is not the one
            }
        }
        throw new IllegalArgumentException("no JDBC driver here for dbi:" + dsn.driver() + " (" + dsn.jdbcUrl() + ")");
    }

    private static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
