package org.argusee.platform.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.argusee.platform.control.OutageNoise;

/**
 * Puts {@link OutageNoise} on the container's loggers that log every statement or call that failed for want of the
 * database, at start, and takes it off when the application stops (the loggers outlive it). {@link DatabaseState}
 * says, when the database is back, how many of their lines the outage cost.
 */
@ApplicationScoped
public class OutageLogging {

    /**
     * Hibernate's SQL errors; the EJB container's failed invocations (each with its stack trace); the pool's failed
     * attempts at a new connection (IJ000604, a WARN with a stack trace each, hundreds in a 30 s outage).
     */
    static final List<String> NOISY = List.of(
            "org.hibernate.engine.jdbc.spi.SqlExceptionHelper",
            "org.jboss.as.ejb3.invocation",
            "org.jboss.jca.core.connectionmanager.pool.strategy.OnePool");

    private final List<Logger> quieted = new ArrayList<>();

    void start(@Observes Startup startup) {
        for (String name : NOISY) {
            Logger logger = Logger.getLogger(name);
            logger.setFilter(new OutageNoise(logger.getFilter()));
            quieted.add(logger);
        }
    }

    /** The lines dropped since the last call, over every logger. */
    public long takeDropped() {
        long n = 0;
        for (Logger logger : quieted) {
            if (logger.getFilter() instanceof OutageNoise f) {
                n += f.takeDropped();
            }
        }
        return n;
    }

    @PreDestroy
    void stop() {
        for (Logger logger : quieted) {
            if (logger.getFilter() instanceof OutageNoise f) {
                logger.setFilter(f.before());
            }
        }
    }
}
