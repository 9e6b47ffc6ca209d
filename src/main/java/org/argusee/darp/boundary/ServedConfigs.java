package org.argusee.darp.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.darp.control.ServedConfig;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.darp.control.wire.ConfigDocuments;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.TreeSnapshot;

/**
 * Each slave's served config, built once per tree revision and slave, with its JSON text (a conditional fetch then
 * costs nothing, and a full one only the transfer: the master's tick builds it as soon as the tree changes, to
 * announce its version, before the slave asks).
 */
@ApplicationScoped
public class ServedConfigs {

    private static final Logger LOG = Logger.getLogger(ServedConfigs.class.getName());

    /** A slave's document and the body a fetch sends. */
    public record Served(long revision, ConfigDocument doc, String body) {}

    @Inject
    TreeCache cache;

    @Inject
    DarpHere here;

    private record Ids(long revision, Set<Long> ids) {}

    private final Map<String, Served> built = new ConcurrentHashMap<>();
    private final Map<String, Ids> servedIds = new ConcurrentHashMap<>();

    /** Only one of this server's slave peers may be served (the token says it is one). */
    public ConfigDocument forSlave(String tag) {
        return served(tag).doc();
    }

    /** The document and its body for the current tree, built if the tree moved since. */
    public Served served(String tag) {
        TreeSnapshot tree = cache.snapshot();
        Served b = built.get(tag);
        if (b == null || b.revision() != tree.revision()) {
            long start = System.nanoTime();
            ConfigDocument doc = ServedConfig.build(tree, topologyWith(tag), tag);
            Served before = b;
            b = new Served(tree.revision(), doc, ConfigDocuments.write(doc));
            built.put(tag, b);
            long ms = (System.nanoTime() - start) / 1_000_000;
            Served made = b;
            // INFO only for a new config of this slave: a change elsewhere in the tree rebuilds the same one
            boolean fresh = before == null || !before.doc().version().equals(doc.version());
            LOG.log(
                    fresh ? Level.INFO : Level.FINE,
                    () -> "DARP config " + doc.version() + " for slave '" + tag + "' (tree revision "
                            + made.revision() + "): " + doc.objects().size() + " objects, "
                            + made.body().length()
                            + " characters, built in " + ms + " ms");
        }
        return b;
    }

    /** Ids of the objects {@code tag} is served in {@code tree}: what its reports may name. */
    public Set<Long> servedIds(String tag, TreeSnapshot tree) {
        Ids i = servedIds.get(tag);
        if (i == null || i.revision() != tree.revision()) {
            i = new Ids(tree.revision(), ServedConfig.servedIds(tree, topologyWith(tag), tag));
            servedIds.put(tag, i);
        }
        return i.ids();
    }

    /**
     * This server's topology, naming {@code tag} as a slave: only a slave peer gets a token, so the caller is one,
     * even when the topology in memory has not seen it yet (a peer added by plain SQL, which fires no event).
     */
    private DarpTopology topologyWith(String tag) {
        DarpTopology t = here.topology();
        if (t.slaves().contains(tag) || tag.equals(t.self())) {
            return t;
        }
        Set<String> slaves = new TreeSet<>(t.slaves());
        slaves.add(tag);
        Set<String> masters = new TreeSet<>(t.masters());
        masters.remove(tag);
        return new DarpTopology(t.self(), masters, slaves);
    }

    public void forget(String tag) {
        built.remove(tag);
        servedIds.remove(tag);
    }
}
