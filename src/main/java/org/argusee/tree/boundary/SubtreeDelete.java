package org.argusee.tree.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Deletes objects with everything under them. The rows are first locked in id order, all of them, in one
 * statement: the status writer takes its key-share locks on objects in id order too, so a delete of a group whose
 * services are being probed waits for the writer's commit instead of deadlocking with it (issue 17). Without this
 * the cascade locked children in its own order while the writer held some of them and waited for others. Children
 * and every row that refers to an object (parameters, statuses, samples...) go by the cascades in the database (children and parameters by statement triggers, other rows by their foreign keys).
 */
final class SubtreeDelete {

    private static final String LOCK = "with recursive sub (id) as ("
            + " select id from argus.object where id = any(?)"
            + " union select o.id from argus.object o join sub on o.parent_id = sub.id)"
            + " select id from argus.object where id in (select id from sub) order by id for update";

    private SubtreeDelete() {}

    /** @return how many of the given roots were deleted */
    static int delete(Connection c, Long[] roots) throws SQLException {
        if (roots.length == 0) {
            return 0;
        }
        try (PreparedStatement lock = c.prepareStatement(LOCK)) {
            lock.setArray(1, c.createArrayOf("bigint", roots));
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    // reading the rows is what locks them
                }
            }
        }
        try (PreparedStatement delete = c.prepareStatement("delete from argus.object where id = any(?)")) {
            delete.setArray(1, c.createArrayOf("bigint", roots));
            return delete.executeUpdate();
        }
    }
}
