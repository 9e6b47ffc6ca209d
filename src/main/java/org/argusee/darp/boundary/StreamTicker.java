package org.argusee.darp.boundary;

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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives the slave streams' heartbeats, deadlines and config pushes every 250 ms, and lets the combined statuses
 * see slaves that came or went.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StreamTicker {

    static final long TICK_MILLIS = 250;
    private static final Logger LOG = Logger.getLogger(StreamTicker.class.getName());

    @Inject
    SlaveStreams streams;

    @Inject
    MasterCombiner combiner;

    @Resource
    TimerService timers;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(TICK_MILLIS, TICK_MILLIS, new TimerConfig("darp-streams", false));
    }

    @Timeout
    void tick() {
        try {
            streams.tick();
            combiner.linksMayHaveChanged();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "DARP stream tick failed", e);
        }
    }
}
