package org.argusee.probe.control.ping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gathers Ping probes into batches, one open batch per address family and echo wait (fping takes one family and
 * one timeout per run): a batch goes when its window has passed since its first probe, or at once when full.
 */
final class PingBatcher {

    /** Starts the tool for a batch; called outside any lock, from the timer thread or a prober's thread. */
    interface Launcher {
        void launch(int family, long waitMillis, List<PingProbe> batch);
    }

    private record Key(int family, long waitMillis) {}

    private final int maxBatch;
    private final ScheduledExecutorService timer;
    private final Launcher launcher;
    private final Map<Key, List<PingProbe>> open = new HashMap<>(); // guarded by this

    PingBatcher(int maxBatch, ScheduledExecutorService timer, Launcher launcher) {
        this.maxBatch = maxBatch;
        this.timer = timer;
        this.launcher = launcher;
    }

    /**
     * @throws java.util.concurrent.RejectedExecutionException when the timer is shut down
     */
    void add(PingProbe probe, long waitMillis, long windowMillis) {
        Key key = new Key(probe.family, waitMillis);
        List<PingProbe> full = null;
        synchronized (this) {
            List<PingProbe> batch = open.get(key);
            if (batch == null) {
                List<PingProbe> fresh = new ArrayList<>();
                timer.schedule(() -> flush(key, fresh), windowMillis, TimeUnit.MILLISECONDS);
                open.put(key, fresh);
                batch = fresh;
            }
            batch.add(probe);
            if (batch.size() >= maxBatch) {
                open.remove(key);
                full = batch;
            }
        }
        if (full != null) {
            launcher.launch(key.family(), key.waitMillis(), full);
        }
    }

    /** The window of this batch has passed; it may have gone already because it filled up. */
    private void flush(Key key, List<PingProbe> batch) {
        synchronized (this) {
            if (!open.remove(key, batch)) {
                return;
            }
        }
        launcher.launch(key.family(), key.waitMillis(), batch);
    }

    /** Hands out what is still gathering, for shutdown. */
    synchronized List<PingProbe> drain() {
        List<PingProbe> all = new ArrayList<>();
        open.values().forEach(all::addAll);
        open.clear();
        return all;
    }
}
