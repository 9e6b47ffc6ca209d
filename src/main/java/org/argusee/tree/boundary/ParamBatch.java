package org.argusee.tree.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.Parameter;

/**
 * Parameter rows of a bulk write (a config import), batched. Replace mode makes an object's own parameters exactly the file's; merge
 * mode sets the file's and keeps the rest. Objects' rows are written before their parameters (flush order).
 */
final class ParamBatch implements AutoCloseable {

    private final boolean replace;
    private final PreparedStatement clear;
    private final ColumnInsert insert;
    private final PreparedStatement upsert;

    ParamBatch(Connection connection, boolean replace) throws SQLException {
        this.replace = replace;
        this.clear = connection.prepareStatement("delete from argus.param where object_id = ?");
        this.insert = new ColumnInsert(
                connection,
                "argus.param",
                List.of("object_id", "key", "value", "local", "position"),
                List.of("bigint", "text", "text", "bool", "int4"));
        this.upsert = connection.prepareStatement(
                "insert into argus.param (object_id, key, value, local, position) values (?, ?, ?, ?, ?)"
                        + " on conflict (object_id, key, local) do update set value = excluded.value");
    }

    /** A parameter of a new object. */
    void add(ParamRow row) {
        insert.add(row.objectId(), row.key(), row.value(), row.local(), row.position());
    }

    /** The parameters of an existing object: exactly these with {@code replace}, else these set and the rest kept. */
    void write(long objectId, List<Parameter> parameters) throws SQLException {
        if (replace) {
            clear.setLong(1, objectId);
            clear.addBatch();
            int position = 0;
            for (Parameter p : parameters) {
                insert.add(objectId, p.key(), p.value(), p.local(), position++);
            }
        } else {
            // merged keys go after the object's own, keeping the order a person wrote them in
            batch(upsert, objectId, parameters, 10_000);
        }
    }

    void flush() throws SQLException {
        clear.executeBatch();
        insert.flush();
        upsert.executeBatch();
    }

    private static void batch(PreparedStatement s, long objectId, List<Parameter> parameters, int offset)
            throws SQLException {
        int position = offset;
        for (Parameter p : parameters) {
            s.setLong(1, objectId);
            s.setString(2, p.key());
            s.setString(3, p.value());
            s.setBoolean(4, p.local());
            s.setInt(5, position++);
            s.addBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        clear.close();
        upsert.close();
    }
}
