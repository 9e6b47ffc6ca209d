package org.argusee.tree.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.Parameter;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.tree.control.WrittenRows;

/**
 * Tree's entry point for writing many objects at once (a config import), so that {@code argus.object} and
 * {@code argus.param} are written by tree alone. Multi-row inserts on the caller's connection and transaction:
 * removals, then objects parents first (ids of new objects are taken from the identity sequence up front, so
 * inserts need no round trip each), then parameters. 100,000 objects are a few statements ({@link ColumnInsert}),
 * not 100,000.
 * <p>
 * The whole write is one bulk change: {@link #start} makes the revision triggers stand aside (see the
 * config_revision migration) and {@link #finish} moves the revision once, which tells the server and NOTIFY
 * listeners. The caller may write rows of its own in between (a config's blocks).
 */
public final class BulkTreeWrite {

    private static final Logger LOG = Logger.getLogger(BulkTreeWrite.class.getName());
    /** Inserted objects from which the statistics are refreshed at the end. */
    private static final int ANALYZE_AFTER = 10_000;

    private final Connection connection;
    /** The rows inserted, as stored, for the cache after the commit; one string per repeated key or value. */
    private final Set<Long> insertedIds = new HashSet<>();

    private final List<ObjectRow> insertedObjects = new ArrayList<>();
    private final List<ParamRow> insertedParams = new ArrayList<>();
    private final Map<String, String> same = new HashMap<>();

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
        long start = System.nanoTime();
        delete(current, removed);
        long deleted = System.nanoTime();
        List<TreeNode> nodes = incoming.nodes().toList();
        // where each incoming object lands, looked up once: a full name is a string built per object, and none is
        // built under a parent that is new itself (nodes come parents first), as in an import into a fresh group
        List<TreeNode> existing = new ArrayList<>(nodes.size());
        Set<Long> newParents = new HashSet<>();
        for (TreeNode node : nodes) {
            TreeNode there = node.kind() == ObjectKind.TOP
                    ? root
                    : newParents.contains(node.parentId())
                            ? null
                            : current.find(node.fullNameUnder(root)).orElse(null);
            if (there == null && !node.children().isEmpty()) {
                newParents.add(node.id());
            }
            existing.add(there);
        }
        Deque<Long> newIds = allocate(existing.stream().filter(Objects::isNull).count());
        Map<Long, Long> ids = new HashMap<>();
        ColumnInsert insert = new ColumnInsert(
                connection,
                "argus.object",
                List.of("id", "parent_id", "kind", "name", "type", "alias_target", "position"),
                List.of("bigint", "bigint", "text", "text", "text", "text", "int4"));
        try (PreparedStatement update = connection.prepareStatement("update argus.object set kind = ?, type = ?,"
                        + " alias_target = ?, position = ?, updated_at = now() where id = ?");
                ParamBatch params = new ParamBatch(connection, replaceParams)) {
            for (int i = 0; i < nodes.size(); i++) {
                TreeNode node = nodes.get(i);
                TreeNode there = existing.get(i);
                long id = there == null ? newIds.pop() : there.id();
                ids.put(node.id(), id);
                if (there == null) {
                    ObjectRow row = new ObjectRow(
                            id,
                            ids.get(node.parentId()),
                            node.kind(),
                            node.name(),
                            TreeStore.once(same, node.type()),
                            node.aliasTarget(),
                            node.position());
                    insert.add(
                            row.id(),
                            row.parentId(),
                            row.kind().label(),
                            row.name(),
                            row.type(),
                            row.aliasTarget(),
                            row.position());
                    insertedObjects.add(row);
                    insertedIds.add(id);
                    int position = 0;
                    for (Parameter p : node.ownParameters()) {
                        String value = p.value().length() <= 64 ? TreeStore.once(same, p.value()) : p.value();
                        ParamRow param = new ParamRow(id, TreeStore.once(same, p.key()), value, p.local(), position++);
                        params.add(param);
                        insertedParams.add(param);
                    }
                } else if (changed.contains(node.fullNameUnder(root))) {
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
            long prepared = System.nanoTime();
            update.executeBatch();
            insert.flush();
            long objects = System.nanoTime();
            params.flush();
            long end = System.nanoTime();
            LOG.info(() -> "Bulk write of " + nodes.size() + " objects: delete " + ms(deleted - start) + " ms, rows "
                    + ms(prepared - deleted) + " ms, objects " + ms(objects - prepared) + " ms, parameters "
                    + ms(end - objects) + " ms");
        }
        return ids;
    }

    /** Every object {@link #write} inserted, with its parameters, exactly as stored. */
    public WrittenRows inserted() {
        return new WrittenRows(insertedIds, insertedObjects, insertedParams);
    }

    /**
     * Ends the bulk change: the revision moves once. After many inserts the tables' statistics are brought up to
     * date in the same transaction (a sample, tens of ms), so the next statements on them (the status writer's first
     * rows, the next change) are not planned for the tables as they were before (issue 17).
     */
    public void finish() throws SQLException {
        if (insertedObjects.size() >= ANALYZE_AFTER) {
            try (PreparedStatement s = connection.prepareStatement("analyze argus.object, argus.param")) {
                s.execute();
            }
        }
        bulk(false);
    }

    private void bulk(boolean start) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select set_config('argus.bulk_change', ?, true)")) {
            s.setString(1, start ? "on" : "off");
            s.execute();
        }
        if (!start) {
            try (PreparedStatement s =
                    connection.prepareStatement("update argus.config_revision set revision = revision + 1,"
                            + " changed_at = clock_timestamp(), txid = txid_current()"
                            + " where id = 1 and txid is distinct from txid_current();" // once a transaction, as the
                            // trigger
                            + " select pg_notify('argus_config', 'import')")) {
                s.execute();
            }
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private void delete(TreeSnapshot current, Collection<String> removed) throws SQLException {
        Long[] ids = removed.stream()
                .map(current::find)
                .flatMap(Optional::stream)
                .map(TreeNode::id)
                .toArray(Long[]::new);
        SubtreeDelete.delete(connection, ids);
    }

    private Deque<Long> allocate(long count) throws SQLException {
        Deque<Long> ids = new ArrayDeque<>();
        // the sequence looked up once: written inside nextval(), its name was resolved again for every id, which
        // made 110,000 ids cost 1.3-1.6 s instead of 0.1 s (issue 17); "materialized" keeps the lookup out of the loop
        try (PreparedStatement s = connection.prepareStatement("with seq as materialized (select"
                + " pg_get_serial_sequence('argus.object', 'id')::regclass as s)"
                + " select nextval(seq.s) from seq, generate_series(1, ?)")) {
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
