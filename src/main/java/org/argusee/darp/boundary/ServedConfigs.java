package org.argusee.darp.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.argusee.darp.control.ServedConfig;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.TreeSnapshot;

/** Each slave's served config, built once per tree revision and slave (a conditional fetch then costs nothing). */
@ApplicationScoped
public class ServedConfigs {

    private record Built(long revision, ConfigDocument doc) {}

    @Inject
    TreeCache cache;

    @Inject
    DarpHere here;

    private record Ids(long revision, Set<Long> ids) {}

    private final Map<String, Built> built = new ConcurrentHashMap<>();
    private final Map<String, Ids> servedIds = new ConcurrentHashMap<>();

    /** Only one of this server's slave peers may be served (the token says it is one). */
    public ConfigDocument forSlave(String tag) {
        TreeSnapshot tree = cache.snapshot();
        Built b = built.get(tag);
        if (b == null || b.revision() != tree.revision()) {
            b = new Built(tree.revision(), ServedConfig.build(tree, topologyWith(tag), tag));
            built.put(tag, b);
        }
        return b.doc();
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
