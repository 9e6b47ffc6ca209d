package org.argusee.tree.boundary;

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
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * Tree's entry point for writing many objects at once (a config import), so that {@code argus.object} and
 * {@code argus.param} are written by tree alone. JDBC batches on the caller's connection and transaction: removals,
 * then objects parents first (ids of new objects are taken from the identity sequence up front, so inserts need no
 * round trip each), then parameters. 100,000 objects are a few dozen batches, not 100,000 statements.
 * <p>
 * The whole write is one bulk change: {@link #start} makes the revision triggers stand aside (see the
 * config_revision migration) and {@link #finish} moves the revision once, which tells the server and NOTIFY
 * listeners. The caller may write rows of its own in between (a config's blocks).
 */
public final class BulkTreeWrite {

    private final Connection connection;

    private BulkTreeWrite(Connection connection) {
        this.connection = connection;
    }

    public static BulkTreeWrite start(Connection connection) throws SQLException {
        BulkTreeWrite write = new BulkTreeWrite(connection);
        write.bulk(true);
        return write;
    }

    /**
     * Writes {@code incoming} under {@code root} of {@code current}: objects named in {@code removed} go, new ones
     * are inserted with their parameters, and those named in {@code changed} are updated (their parameters made
     * exactly the incoming ones with {@code replaceParams}, else set and the rest kept).
     *
     * @return the stored id of each incoming object, by its id in {@code incoming}
     */
    public Map<Long, Long> write(
            TreeSnapshot current,
            TreeNode root,
            TreeSnapshot incoming,
            Collection<String> removed,
            Set<String> changed,
            boolean replaceParams)
            throws SQLException {
        delete(current, removed);
        List<TreeNode> nodes = incoming.nodes().toList();
        Deque<Long> newIds = allocate(nodes.stream()
                .filter(n -> n.kind() != ObjectKind.TOP
                        && current.find(n.fullNameUnder(root)).isEmpty())
                .count());
        Map<Long, Long> ids = new HashMap<>();
        try (PreparedStatement insert = connection.prepareStatement("insert into argus.object"
                        + " (id, parent_id, kind, name, type, alias_target, position) values (?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement update = connection.prepareStatement("update argus.object set kind = ?, type = ?,"
                        + " alias_target = ?, position = ?, updated_at = now() where id = ?");
                ParamBatch params = new ParamBatch(connection, replaceParams)) {
            for (TreeNode node : nodes) {
                String placed = node.fullNameUnder(root);
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
        return ids;
    }

    /** Ends the bulk change: the revision moves once. */
    public void finish() throws SQLException {
        bulk(false);
    }

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

    private void delete(TreeSnapshot current, Collection<String> removed) throws SQLException {
        Long[] ids = removed.stream()
                .map(current::find)
                .flatMap(Optional::stream)
                .map(TreeNode::id)
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
        try (PreparedStatement s = connection.prepareStatement(
                "select nextval(pg_get_serial_sequence(" + "'argus.object', 'id')) from generate_series(1, ?)")) {
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
