package org.argusee.argusconf.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.argusee.argusconf.control.ConfigBlock;
import org.argusee.argusconf.control.ImportPlan;
import org.argusee.tree.boundary.BulkTreeWrite;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.tree.control.WrittenRows;

/**
 * The SQL of one import, in one bulk change: the objects and their parameters through tree's
 * {@link BulkTreeWrite} (tree owns those tables), then the non-object blocks of the objects whose blocks change.
 */
final class ImportBatch {

    private final Connection connection;
    private final TreeSnapshot current;
    private final TreeNode root;
    private final ImportPlan.Mode mode;

    ImportBatch(Connection connection, TreeSnapshot current, TreeNode root, ImportPlan.Mode mode) {
        this.connection = connection;
        this.current = current;
        this.root = root;
        this.mode = mode;
    }

    /**
     * @param blocks the final blocks of each object (by incoming id) whose blocks change
     * @return the objects and parameters inserted, as stored
     */
    WrittenRows apply(
            TreeSnapshot incoming, Collection<String> removed, Set<String> changed, Map<Long, List<ConfigBlock>> blocks)
            throws SQLException {
        BulkTreeWrite tree = BulkTreeWrite.start(connection);
        Map<Long, Long> ids = tree.write(current, root, incoming, removed, changed, mode == ImportPlan.Mode.REPLACE);
        BlockRows blockRows = new BlockRows(connection);
        for (Map.Entry<Long, List<ConfigBlock>> e : blocks.entrySet()) {
            blockRows.replace(ids.get(e.getKey()), e.getValue());
        }
        tree.finish();
        return tree.inserted();
    }
}
