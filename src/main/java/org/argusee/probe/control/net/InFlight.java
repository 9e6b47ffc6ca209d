package org.argusee.probe.control.net;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The probes of a {@link NetLoop} started and not yet complete, for its shutdown (each one fails) and its count.
 * Each probe is added once and removed once, and the set is walked only at shutdown: a list threaded through the
 * probes themselves ({@link Exchange}'s links) costs an add and a remove no allocation and no hash. A {@code
 * ConcurrentHashMap} key set did both per probe: its node, the probe's identity hash made and stored in its header,
 * and a table and a counter updated with atomics twice (issue 17, session 13).
 */
final class InFlight {

    /** The most recently added probe; its {@link Exchange#olderLive} leads to the others. Guarded by this. */
    private Exchange newest;

    private int size;

    /** False when the probe is in already. */
    synchronized boolean add(Exchange e) {
        if (e.inFlight) {
            return false;
        }
        e.inFlight = true;
        e.olderLive = newest;
        e.newerLive = null;
        if (newest != null) {
            newest.newerLive = e;
        }
        newest = e;
        size++;
        return true;
    }

    /** Nothing when the probe is not in (any more). */
    synchronized void remove(Exchange e) {
        if (!e.inFlight) {
            return;
        }
        e.inFlight = false;
        Exchange older = e.olderLive;
        Exchange newer = e.newerLive;
        if (older != null) {
            older.newerLive = newer;
        }
        if (newer != null) {
            newer.olderLive = older;
        } else {
            newest = older;
        }
        e.olderLive = null;
        e.newerLive = null;
        size--;
    }

    synchronized int size() {
        return size;
    }

    /** Each probe in now; the action runs outside the lock, so it may complete (remove) the probe. */
    void forEach(Consumer<Exchange> action) {
        List<Exchange> now = new ArrayList<>();
        synchronized (this) {
            for (Exchange e = newest; e != null; e = e.olderLive) {
                now.add(e);
            }
        }
        now.forEach(action);
    }
}
