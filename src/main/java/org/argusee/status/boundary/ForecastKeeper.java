package org.argusee.status.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.argusee.platform.control.Jdbc;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the Holt-Winters forecasters ({@link Forecasts}) across restarts, as the original's {@code hwab.db}: loaded
 * before anything is probed (the scheduler depends on this bean), those fed since are stored once a minute and at
 * shutdown (at second {@code argus.forecast.store-second} of each minute, 0; the tests' server says every 5 s, so a
 * test need not wait for the clock's minute to end), rows not written for two weeks are dropped (services that lost
 * their {@code maxdeviation}; an object's row goes with it). A reset ({@link #reset}) forgets the forecaster in
 * memory and deletes its row, serialised with the stores so an older state cannot come back.
 */
@Singleton
@Startup
@DependsOn("TreeCache")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ForecastKeeper {

    private static final Logger LOG = Logger.getLogger(ForecastKeeper.class.getName());
    private static final Duration KEPT = Duration.ofDays(14);
    private static final String UPSERT = "insert into argus.hwab_state (object_id, model, period_seconds, state,"
            + " updated_at) select ?, ?, ?, ?, ? from argus.object where id = ? for key share"
            + " on conflict (object_id) do update set model = excluded.model,"
            + " period_seconds = excluded.period_seconds, state = excluded.state, updated_at = excluded.updated_at";

    @Inject
    StatusBoard board;

    @Resource(lookup = "java:jboss/datasources/ArgusDS")
    DataSource dataSource;

    @Resource
    TimerService timers;

    /** The second field of the store's calendar timer, as in {@code @Schedule}: 0, once a minute. */
    @Inject
    @ConfigProperty(name = "argus.forecast.store-second", defaultValue = "0")
    String storeSecond;

    @PostConstruct
    void load() {
        try (Connection c = dataSource.getConnection()) {
            Map<Long, byte[]> blobs = new HashMap<>();
            Jdbc.query(c, "select object_id, state from argus.hwab_state", s -> {}, rs -> {
                blobs.put(rs.getLong(1), rs.getBytes(2));
                return null;
            });
            board.forecasts(f -> {
                f.restore(blobs);
                return null;
            });
            LOG.info("Holt-Winters forecasters loaded: " + blobs.size());
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Cannot read the stored forecasters; they start over", e);
        }
        timers.createCalendarTimer(
                new ScheduleExpression().hour("*").minute("*").second(storeSecond),
                new TimerConfig("store forecasters", false));
    }

    /** Every minute (by default): the forecasters fed since the last time. */
    @Timeout
    void timeout() {
        store();
    }

    synchronized void store() {
        Map<Long, Forecasts.Drained> drained = board.forecasts(Forecasts::drain);
        if (drained.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(UPSERT)) {
            for (Map.Entry<Long, Forecasts.Drained> e : drained.entrySet()) {
                s.setLong(1, e.getKey());
                s.setString(2, e.getValue().model());
                s.setLong(3, e.getValue().period());
                s.setBytes(4, e.getValue().blob());
                s.setTimestamp(5, now);
                s.setLong(6, e.getKey());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            // they are fed again and stored at a later round; what is lost is at most the minutes between
            LOG.log(Level.WARNING, "Cannot store " + drained.size() + " forecasters; trying at the next round", e);
        }
    }

    @Schedule(hour = "*", minute = "17", persistent = false, info = "drop unused forecasters")
    void prune() {
        try (Connection c = dataSource.getConnection()) {
            Jdbc.update(
                    c,
                    "delete from argus.hwab_state where updated_at < ?",
                    s -> s.setTimestamp(1, Timestamp.from(Instant.now().minus(KEPT))));
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Cannot drop unused forecasters", e);
        }
    }

    /** The original's {@code hwab_reset}: false when the service has no forecaster. */
    public synchronized boolean reset(long objectId) {
        boolean had = board.forecasts(f -> f.reset(objectId));
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.update(c, "delete from argus.hwab_state where object_id = ?", s -> s.setLong(1, objectId)) > 0
                    || had;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete the stored forecaster of object " + objectId, e);
        }
    }

    @PreDestroy
    void stop() {
        store();
    }
}
