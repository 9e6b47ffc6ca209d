package org.argusee.darp.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.darp.control.DarpSettings;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.platform.boundary.BackgroundTasks;
import org.argusee.platform.control.IdleWait;
import org.argusee.probe.control.DarpMoved;
import org.argusee.tree.boundary.TreeReloaded;

/**
 * This server's place among the DARP servers ({@link DarpTopology}): its tag, its master (from its settings) and
 * its slaves (the peers stored with role slave). Kept in memory, so the probe path and the report path never ask
 * the database; read again after every change of the peers.
 */
@ApplicationScoped
public class DarpHere {

    private static final Logger LOG = Logger.getLogger(DarpHere.class.getName());

    /** The master's tag when the settings do not name it and it has not said it yet. */
    static final String UNNAMED_MASTER = "master";

    @Inject
    DarpSettings settings;

    @Inject
    DarpPeers peers;

    @Inject
    PeerRoles roles;

    @Resource
    ManagedExecutorService executor;

    @Inject
    BackgroundTasks scheduler;

    /** A new topology may move who tests what: the probe scheduler's takeover looks at once (issue 17). */
    @Inject
    Event<DarpMoved> moved;

    static final long POLL_SECONDS = 5;
    private ScheduledFuture<?> polling;

    private volatile DarpTopology topology;

    /** Whether the last read of the peers failed (logged once, not at every poll). */
    private volatile boolean unreadable;

    /** A new tree since the peers were last read by the poll ({@link #treeMoved}). */
    private volatile boolean treeMoved;

    private final IdleWait quiet = new IdleWait(() -> !treeMoved && !unreadable);

    /** The master's tag as it said it in its welcome, when the settings do not name it; null until then. */
    private volatile String learnedMaster;

    /**
     * This bean itself, not its client proxy, for the combiner's look at each probe's result ({@link
     * MasterCombiner#combine}): the proxy's context look-up allocated and cost more than the answer (issue 17).
     * The bean has no interceptors, so a direct call does what a call through the proxy does.
     */
    Supplier<DarpHere> instance() {
        DarpHere self = this;
        return () -> self;
    }

    public DarpTopology topology() {
        DarpTopology t = topology;
        if (t == null) {
            t = reload(this::readInTransaction);
        }
        return t != null ? t : topology;
    }

    /**
     * Reads the peers again at once, in a transaction of its own ({@link DarpPeers#allNow}: the thread still
     * carries the finished one), so that the observers after this one (the combined statuses) see the new
     * topology. Should that read fail, it is tried again on the executor.
     */
    void peerChanged(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.APPLICATION)
                    PeerChanged change) {
        if (reload(this::readInTransaction) == null) {
            try {
                executor.execute(() -> reload(this::readInTransaction));
            } catch (RejectedExecutionException e) {
                LOG.log(Level.FINE, "DARP: the peers are not read again: shutting down", e);
            }
        }
    }

    /** Tag -> role through the EJB, in a transaction of its own (callable after another's commit). */
    private Map<String, String> readInTransaction() {
        Map<String, String> roles = new TreeMap<>();
        peers.allNow().forEach(p -> roles.put(p.tag(), p.role()));
        return roles;
    }

    /** The topology read now; null if the peers cannot be read (the one known before stays). */
    private synchronized DarpTopology reload(Supplier<Map<String, String>> peerRoles) {
        Set<String> masters = new TreeSet<>();
        Set<String> slaves = new TreeSet<>();
        if (settings.hasMaster()) {
            masters.add(masterTag());
        }
        try {
            for (Map.Entry<String, String> p : peerRoles.get().entrySet()) {
                if (p.getKey().equals(settings.tag())) {
                    continue; // a row naming this server itself is no peer (the API refuses it; SQL may not)
                }
                ("slave".equals(p.getValue()) ? slaves : masters).add(p.getKey());
            }
            if (unreadable) {
                unreadable = false;
                LOG.info("DARP: the peers can be read again");
            }
        } catch (PeersUnreadable e) {
            if (!unreadable) {
                unreadable = true; // one line for the whole time: the poll fails every 5 s while the pool is empty
                LOG.warning(() -> "DARP: " + e.getMessage() + "; using what was known, trying every " + POLL_SECONDS
                        + " s (logged again when read)");
            }
            if (topology != null) {
                return null;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "DARP: cannot read the peers; using what was known", e);
            if (topology != null) {
                return null;
            }
        }
        masters.removeAll(slaves);
        DarpTopology read = new DarpTopology(settings.tag(), masters, slaves);
        if (!read.equals(topology)) {
            DarpTopology before = topology;
            topology = read; // a new instance only for a change: the duty rules notice changes by identity
            if (before != null) { // the first read is the scheduler's own, at its start
                dutyMoved();
            }
        }
        return topology;
    }

    /**
     * Peers edited with plain SQL fire no event, but they move the configuration's revision (darp_peer's trigger), so
     * the tree is read again: after each new tree the peers are read again within {@link #POLL_SECONDS} s, in one
     * small plain query ({@link PeerRoles}; what changed through the API is read at once, above). Until then, and
     * while they are readable, the thread waits: it looked every 5 s whatever happened (issue 17, the idle server).
     * While they cannot be read it tries every {@link #POLL_SECONDS} s.
     */
    void poll(@Observes Startup startup) {
        try {
            polling = scheduler.scheduleWithFixedDelay(this::pollTurn, POLL_SECONDS, POLL_SECONDS, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "DARP: the peers are not polled: shutting down", e);
        }
    }

    /**
     * A new tree: a peer may have been edited with SQL (called on the tree's thread: only a flag and a signal). Not
     * before this bean exists: the first {@link #topology} reads the peers anyway.
     */
    void treeMoved(@Observes(notifyObserver = Reception.IF_EXISTS) TreeReloaded reloaded) {
        treeMoved = true;
        quiet.signal();
    }

    private void pollTurn() {
        try {
            quiet.whileIdle();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // stopping
        }
        treeMoved = false; // before the read: a tree newer than the read is read again
        reload(roles::read);
    }

    /**
     * Tells the scheduler that the topology changed; it looked for that once a second before. Its observer only
     * hands the news to an executor ({@code DarpFollower}), so this may be called under this bean's lock.
     */
    private void dutyMoved() {
        try {
            moved.fire(new DarpMoved(null, true));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "DARP: the scheduler cannot be told that the peers changed", e);
        }
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    /** The configured master's tag: as set, else as the master said it, else the placeholder. */
    public String masterTag() {
        return settings.masterTag().orElseGet(() -> learnedMaster != null ? learnedMaster : UNNAMED_MASTER);
    }

    /**
     * The master said its tag (its welcome) and the settings do not name it: the topology names it from now on.
     * Called on the link's thread, so the topology is changed in memory, without the database.
     */
    public synchronized void masterLearned(String tag) {
        if (settings.masterTag().isPresent() || tag == null || tag.equals(masterTag())) {
            return;
        }
        if (tag.equals(settings.tag())) {
            LOG.warning(() -> "DARP: the master calls itself '" + tag + "', this server's own tag; not taken");
            return;
        }
        String before = masterTag();
        learnedMaster = tag;
        DarpTopology t = topology;
        if (t != null) {
            Set<String> masters = new TreeSet<>(t.masters());
            masters.remove(before);
            masters.add(tag);
            masters.removeAll(t.slaves());
            topology = new DarpTopology(t.self(), masters, t.slaves());
            dutyMoved();
        }
        LOG.info(() -> "DARP: the master's tag is '" + tag + "' (from its welcome)");
    }
}
