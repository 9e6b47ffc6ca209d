package org.argusee.status.boundary;

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
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves queued statuses from {@link StatusBoard} to the database every 250 ms, in one transaction: thousands of
 * probes a second become a few transactions a second. If the database is away, the rows wait for the next round.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StatusWriter {

    static final long FLUSH_MILLIS = 250;
    private static final Logger LOG = Logger.getLogger(StatusWriter.class.getName());

    @Inject
    StatusBoard board;

    @Inject
    StatusStore store;

    @Resource
    TimerService timers;

    private List<StatusRow> waiting = List.of();
    private boolean failing;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(FLUSH_MILLIS, FLUSH_MILLIS, new TimerConfig("status-writer", false));
    }

    @Timeout
    synchronized void flush() {
        List<StatusRow> rows = new java.util.ArrayList<>(waiting);
        rows.addAll(board.drain());
        if (rows.isEmpty()) {
            return;
        }
        try {
            store.store(rows);
            waiting = List.of();
            if (failing) {
                failing = false;
                LOG.info("Status changes are stored again");
            }
        } catch (RuntimeException e) {
            waiting = rows;
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Cannot store status changes; keeping " + rows.size() + " for the next try", e);
            }
        }
    }
}
