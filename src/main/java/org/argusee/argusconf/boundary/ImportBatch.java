package org.argusee.argusconf.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.argusee.argusconf.control.ConfigBlock;
import org.argusee.argusconf.control.ImportPlan;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.Parameter;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * The SQL of one import, in JDBC batches: removals, then objects parents first (ids of new objects are taken from
 * the identity sequence up front, so inserts need no round trip each), then parameters. 100,000 objects are a few
 * dozen batches, not 100,000 statements. Then the non-object blocks of the objects whose blocks change.
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

    /** @param blocks the final blocks of each object (by incoming id) whose blocks change */
    void apply(TreeSnapshot incoming, Collection<String> removed, Set<String> changed,
               Map<Long, List<ConfigBlock>> blocks) throws SQLException {
        bulk(true);
        delete(removed);
        List<TreeNode> nodes = incoming.nodes().toList();
        Deque<Long> newIds = allocate(nodes.stream().filter(n -> n.kind() != ObjectKind.TOP
                && current.find(ImportPlan.placed(root, n)).isEmpty()).count());
        Map<Long, Long> ids = new HashMap<>();
        try (PreparedStatement insert = connection.prepareStatement("insert into argus.object"
                + " (id, parent_id, kind, name, type, alias_target, position) values (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = connection.prepareStatement("update argus.object set kind = ?, type = ?,"
                     + " alias_target = ?, position = ?, updated_at = now() where id = ?");
             Params params = new Params(connection, mode)) {
            for (TreeNode node : nodes) {
                String placed = ImportPlan.placed(root, node);
                Optional<TreeNode> existing = node.kind() == ObjectKind.TOP ? Optional.of(root) : current.find(placed);
                long id = existing.map(TreeNode::id).orElseGet(newIds::pop);
                ids.put(node.id(), id);
                if (existing.isEmpty()) {
                    insert.setLong(1, id);
                    insert.setLong(2, ids.get(node.parent().id()));
                    insert.setString(3, node.kind().label());
                    insert.setString(4, node.name());
                    insert.setString(5, node.type());
                    insert.setString(6, node.aliasTarget());
                    insert.setInt(7, node.position());
                    insert.addBatch();
                    params.add(id, node.ownParameters());
                } else if (changed.contains(placed)) {
                    if (node.kind() != ObjectKind.TOP) {
                        update.setString(1, node.kind().label());
                        update.setString(2, node.type());
                        update.setString(3, node.aliasTarget());
                        update.setInt(4, node.position());
                        update.setLong(5, id);
                        update.addBatch();
                    }
                    params.write(id, node.ownParameters());
                }
            }
            update.executeBatch();
            insert.executeBatch();
            params.flush();
        }
        BlockRows blockRows = new BlockRows(connection);
        for (Map.Entry<Long, List<ConfigBlock>> e : blocks.entrySet()) {
            blockRows.replace(ids.get(e.getKey()), e.getValue());
        }
        bulk(false);
    }

    /**
     * Marks this transaction as one bulk change: the revision triggers stand aside (see the config_revision
     * migration) and the revision moves once, at the end, which tells the server and NOTIFY listeners.
     */
    private void bulk(boolean start) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select set_config('argus.bulk_change', ?, true)")) {
            s.setString(1, start ? "on" : "off");
            s.execute();
        }
        if (!start) {
            try (PreparedStatement s = connection.prepareStatement("update argus.config_revision"
                    + " set revision = revision + 1, changed_at = clock_timestamp() where id = 1;"
                    + " select pg_notify('argus_config', 'import')")) {
                s.execute();
            }
        }
    }

    private void delete(Collection<String> removed) throws SQLException {
        Long[] ids = removed.stream().map(current::find).flatMap(Optional::stream).map(TreeNode::id)
                .toArray(Long[]::new);
        if (ids.length == 0) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement("delete from argus.object where id = any(?)")) {
            s.setArray(1, connection.createArrayOf("bigint", ids));
            s.executeUpdate();
        }
    }

    private Deque<Long> allocate(long count) throws SQLException {
        Deque<Long> ids = new ArrayDeque<>();
        try (PreparedStatement s = connection.prepareStatement("select nextval(pg_get_serial_sequence("
                + "'argus.object', 'id')) from generate_series(1, ?)")) {
            s.setLong(1, count);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
