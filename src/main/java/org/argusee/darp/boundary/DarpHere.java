package org.argusee.darp.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.darp.control.DarpSettings;
import org.argusee.darp.control.duty.DarpTopology;

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

    private volatile DarpTopology topology;
    /** Set when the peers changed: the next call reads them again (keeping the old topology if it cannot). */
    private volatile boolean stale;

    public DarpTopology topology() {
        DarpTopology t = topology;
        if (t == null || stale) {
            t = reload();
        }
        return t;
    }

    /**
     * Forgets the topology; the next {@link #topology()} reads the peers again. Not read here: this observer runs
     * while the API's transaction completes, and a database call from there (DarpPeers.all(), a REQUIRED EJB method)
     * broke the connection pool (IJ000609 "Attempt to return connection twice"; minutes later the master's report
     * intake hung writing to PostgreSQL and its StreamTicker with it), seen in DarpClusterIT after a peer update.
     */
    void peerChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PeerChanged change) {
        stale = true;
    }

    private synchronized DarpTopology reload() {
        stale = false;
        Set<String> masters = new TreeSet<>();
        Set<String> slaves = new TreeSet<>();
        if (settings.hasMaster()) {
            masters.add(masterTag());
        }
        try {
            for (PeerView p : peers.all()) {
                if (p.tag().equals(settings.tag())) {
                    continue; // a row naming this server itself is no peer (the API refuses it; SQL may not)
                }
                ("slave".equals(p.role()) ? slaves : masters).add(p.tag());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "DARP: cannot read the peers; using what was known", e);
            if (topology != null) {
                return topology;
            }
        }
        masters.removeAll(slaves);
        topology = new DarpTopology(settings.tag(), masters, slaves);
        return topology;
    }

    /** The configured master's tag: as set, or the placeholder until the settings name it. */
    public String masterTag() {
        return settings.masterTag().orElse(UNNAMED_MASTER);
    }
}
