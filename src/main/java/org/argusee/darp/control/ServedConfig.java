package org.argusee.darp.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.darp.control.wire.ConfigDocuments;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/** The master's side of the config fetch: the document one slave gets from one snapshot of the tree. */
public final class ServedConfig {

    private ServedConfig() {
    }

    public static ConfigDocument build(TreeSnapshot tree, String masterTag, String slaveTag) {
        List<TreeNode> nodes = ServedObjects.forSlave(tree, slaveTag);
        Map<Long, Integer> index = new HashMap<>();
        List<ConfigDocument.Entry> entries = new ArrayList<>(nodes.size());
        for (TreeNode n : nodes) {
            int parent = n.parent() == null ? -1 : index.get(n.parent().id());
            index.put(n.id(), entries.size());
            entries.add(new ConfigDocument.Entry(n.name(), n.fullName(), parent, n.kind().label(), n.type(),
                    n.ownParameters()));
        }
        return ConfigDocuments.versioned(new ConfigDocument(masterTag, slaveTag, null, entries));
    }
}
