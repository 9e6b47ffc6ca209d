package org.argusee.argusconf.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.argusee.argusconf.control.ConfigBlock;

/**
 * The non-object blocks (Method, Resolv, snmpoid, schedule, cron) in {@code argus.config_block} and its lines. There
 * are dozens, not thousands, so each is one statement; a Method's schedules need its new id.
 */
final class BlockRows {

    private final Connection connection;

    BlockRows(Connection connection) {
        this.connection = connection;
    }

    private record Row(long id, long objectId, Long parentId, String keyword, String name) {}

    /** Every object's blocks, by object id, in their order (or only those of the given objects). */
    Map<Long, List<ConfigBlock>> load(Long[] objectIds) throws SQLException {
        Map<Long, List<ConfigBlock>> byObject = new LinkedHashMap<>();
        for (Top top : tops(objectIds)) {
            byObject.computeIfAbsent(top.objectId(), id -> new ArrayList<>()).add(top.block());
        }
        return byObject;
    }

    /** A top-level block with its row id and the object it is on. */
    record Top(long id, long objectId, ConfigBlock block) {}

    /** Every top-level block (or those of the given objects) with its schedules, in each object's order. */
    List<Top> tops(Long[] objectIds) throws SQLException {
        String only = objectIds == null ? "" : " where b.object_id = any(?)";
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("select b.id, b.object_id, b.parent_id, b.keyword,"
                + " b.name from argus.config_block b" + only + " order by b.object_id, b.position, b.id")) {
            bind(s, objectIds);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        Map<Long, List<ConfigBlock.Line>> lines = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("select l.block_id, l.key, l.value, l.local"
                + " from argus.config_block_line l join argus.config_block b on b.id = l.block_id" + only
                + " order by l.block_id, l.position")) {
            bind(s, objectIds);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new ConfigBlock.Line(rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                }
            }
        }
        Map<Long, List<ConfigBlock>> nested = new HashMap<>();
        rows.stream().filter(r -> r.parentId() != null).forEach(r -> nested.computeIfAbsent(
                        r.parentId(), id -> new ArrayList<>())
                .add(block(r, lines, Map.of())));
        return rows.stream()
                .filter(r -> r.parentId() == null)
                .map(r -> new Top(r.id(), r.objectId(), block(r, lines, nested)))
                .toList();
    }

    /** The object a top-level block row is on, or null when there is no such top-level row. */
    Long objectOf(long id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select object_id from argus.config_block where id = ? and parent_id is null")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** The block row {@code id} (of {@code objectId}) says {@code block} from now on; its id and place stay. */
    void rewrite(long id, long objectId, ConfigBlock block) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("delete from argus.config_block where parent_id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        try (PreparedStatement s =
                connection.prepareStatement("delete from argus.config_block_line where block_id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        try (PreparedStatement s = connection.prepareStatement("update argus.config_block set name = ? where id = ?")) {
            s.setString(1, block.name());
            s.setLong(2, id);
            s.executeUpdate();
        }
        insertLines(id, block);
        for (int i = 0; i < block.blocks().size(); i++) {
            insert(objectId, id, block.blocks().get(i), i);
        }
    }

    /** A new top-level block after the object's others; answers its row id. */
    long append(long objectId, ConfigBlock block) throws SQLException {
        int position;
        try (PreparedStatement s = connection.prepareStatement("select coalesce(max(position) + 1, 0)"
                + " from argus.config_block where object_id = ? and parent_id is null")) {
            s.setLong(1, objectId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                position = rs.getInt(1);
            }
        }
        return insert(objectId, null, block, position);
    }

    /** Removes one top-level block with the schedules nested in it; answers whether it was there. */
    boolean remove(long id) throws SQLException {
        try (PreparedStatement s =
                connection.prepareStatement("delete from argus.config_block where id = ? and parent_id is null")) {
            s.setLong(1, id);
            return s.executeUpdate() == 1;
        }
    }

    /** The object's blocks become exactly {@code blocks}. */
    void replace(long objectId, List<ConfigBlock> blocks) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("delete from argus.config_block where object_id = ?")) {
            s.setLong(1, objectId);
            s.executeUpdate();
        }
        for (int i = 0; i < blocks.size(); i++) {
            insert(objectId, null, blocks.get(i), i);
        }
    }

    private long insert(long objectId, Long parentId, ConfigBlock block, int position) throws SQLException {
        long id;
        try (PreparedStatement s = connection.prepareStatement(
                "insert into argus.config_block"
                        + " (object_id, parent_id, keyword, name, position) values (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, objectId);
            s.setObject(2, parentId);
            s.setString(3, block.keyword());
            s.setString(4, block.name());
            s.setInt(5, position);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong("id");
            }
        }
        insertLines(id, block);
        for (int i = 0; i < block.blocks().size(); i++) {
            insert(objectId, id, block.blocks().get(i), i);
        }
        return id;
    }

    private void insertLines(long id, ConfigBlock block) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("insert into argus.config_block_line"
                + " (block_id, position, key, value, local) values (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < block.lines().size(); i++) {
                ConfigBlock.Line line = block.lines().get(i);
                s.setLong(1, id);
                s.setInt(2, i);
                s.setString(3, line.key());
                s.setString(4, line.value());
                s.setBoolean(5, line.local());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static ConfigBlock block(
            Row r, Map<Long, List<ConfigBlock.Line>> lines, Map<Long, List<ConfigBlock>> nested) {
        return new ConfigBlock(
                r.keyword(), r.name(), lines.getOrDefault(r.id(), List.of()), nested.getOrDefault(r.id(), List.of()));
    }

    private void bind(PreparedStatement s, Long[] objectIds) throws SQLException {
        if (objectIds != null) {
            s.setArray(1, connection.createArrayOf("bigint", objectIds));
        }
    }
}
