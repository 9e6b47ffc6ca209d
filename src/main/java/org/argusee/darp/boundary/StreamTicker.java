package org.argusee.darp.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.platform.boundary.BackgroundTasks;

/**
 * Drives the slave streams' heartbeats, deadlines and config pushes every 250 ms, and lets the combined statuses
 * see slaves that came or went. A thread of its own ({@link BackgroundTasks}, as {@link ToldSharing}), not an EJB
 * timer: four expiries a second through the timer service and the EJB interceptors were the most frequent timer
 * of every server, DARP or not (issue 17, the idle server). After a tick that found no stream open, the thread
 * waits until a slave's socket opens ({@link SlaveStreams#awaitSocket}) rather than ticking four times a second
 * for nothing (0.0005 core-s a second); a socket opened then gets its first tick within a period, as before.
 */
@ApplicationScoped
public class StreamTicker {

    static final long TICK_MILLIS = 250;
    private static final Logger LOG = Logger.getLogger(StreamTicker.class.getName());

    @Inject
    SlaveStreams streams;

    @Inject
    MasterCombiner combiner;

    @Inject
    BackgroundTasks scheduler;

    private ScheduledFuture<?> ticking;

    void start(@Observes Startup startup) {
        ticking = scheduler.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(true);
        }
    }

    void tick() {
        try {
            streams.tick();
            combiner.linksMayHaveChanged();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "DARP stream tick failed", e);
        }
        try {
            streams.awaitSocket();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the application is stopping
        }
    }
}
