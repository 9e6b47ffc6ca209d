package org.argusee.darp.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.darp.control.duty.SlaveObjects;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.darp.control.wire.ConfigDocuments;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/** The master's side of the config fetch: the document one slave gets from one snapshot of the tree. */
public final class ServedConfig {

    private ServedConfig() {}

    /**
     * @param master this server (its tag is the document's {@code master}); {@code slaveTag} must be one of its
     *               slaves
     */
    public static ConfigDocument build(TreeSnapshot tree, DarpTopology master, String slaveTag) {
        List<TreeNode> nodes = served(tree, slaveTag, master);
        String masterTag = master.self();
        Map<Long, Integer> index = new HashMap<>();
        List<ConfigDocument.Entry> entries = new ArrayList<>(nodes.size());
        for (TreeNode n : nodes) {
            int parent = n.parentId() == null ? -1 : index.get(n.parentId());
            index.put(n.id(), entries.size());
            entries.add(new ConfigDocument.Entry(
                    n.name(), n.fullName(), parent, n.kind().label(), n.type(), n.ownParameters()));
        }
        return ConfigDocuments.versioned(new ConfigDocument(masterTag, slaveTag, null, entries));
    }

    /**
     * Ids of every object the slave is served (Top, the Groups and Hosts on the way, the services): what its reports
     * may name (issue 15, finding 7).
     */
    public static Set<Long> servedIds(TreeSnapshot tree, DarpTopology master, String slaveTag) {
        Set<Long> ids = new HashSet<>();
        served(tree, slaveTag, master).forEach(n -> ids.add(n.id()));
        return Set.copyOf(ids);
    }

    /**
     * The services {@link SlaveObjects} selects for the slave and the Groups and Hosts above them, Top always
     * first (a document starts with Top, even an empty one). Aliases are left out: protocol v1 does not carry an
     * alias's target, so a slave could not build one; a group only an alias brought is left out with it.
     */
    static List<TreeNode> served(TreeSnapshot tree, String slaveTag, DarpTopology master) {
        Set<Long> wanted = new HashSet<>();
        wanted.add(tree.top().id());
        for (long id : SlaveObjects.select(tree, slaveTag, master).ids()) {
            TreeNode n = tree.byId(id).orElseThrow();
            if (n.kind() == ObjectKind.SERVICE) {
                for (TreeNode p = n; p != null && wanted.add(p.id()); p = tree.parent(p)) {
                    // climbs until an ancestor already taken
                }
            }
        }
        List<TreeNode> out = new ArrayList<>(wanted.size());
        tree.nodes().filter(n -> wanted.contains(n.id())).forEach(out::add);
        return out;
    }
}
