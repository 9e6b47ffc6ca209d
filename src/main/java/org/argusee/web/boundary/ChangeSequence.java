package org.argusee.web.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The number of the last change pushed to the live sockets. Dashboard answers carry it (read before their data),
 * so a page applies only pushes numbered above the snapshot it loaded. Here rather than in the live component so
 * the dashboard need not depend on it.
 */
@ApplicationScoped
public class ChangeSequence {

    private final AtomicLong last = new AtomicLong();

    public long current() {
        return last.get();
    }

    public long next() {
        return last.incrementAndGet();
    }
}
