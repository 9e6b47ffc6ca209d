package org.argusee.status.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.LongStream;

/**
 * Takes the key-share locks of a status write on the objects it touches, all at once and in id order, before the
 * write touches any other row. A recursive delete locks its objects in id order too (tree's SubtreeDelete), so the
 * two wait for each other instead of deadlocking (issue 17: deleting a group of 20,000 services while they were
 * probed failed one time in a few with a deadlock, as each side locked rows in its own order). An object deleted
 * meanwhile is simply not locked; the write's rows for it are then skipped.
 */
final class ObjectLocks {

    /**
     * The rows are locked as the inner select reads them, in id order; only their count comes back, since reading
     * one row a locked object through the pool's wrappers was most of the once-a-minute store of 20,000 check times
     * (issue 17).
     */
    private static final String LOCK = "select count(*) from (select id from argus.object where id = any(?)"
            + " order by id for key share) locked";

    private ObjectLocks() {}

    static void lock(Connection c, LongStream objectIds) throws SQLException {
        Long[] ids = distinctSorted(objectIds.toArray());
        if (ids.length == 0) {
            return;
        }
        try (PreparedStatement lock = c.prepareStatement(LOCK)) {
            lock.setArray(1, c.createArrayOf("bigint", ids));
            try (ResultSet rs = lock.executeQuery()) {
                rs.next(); // the count: the inner select has locked its rows by now
            }
        }
    }

    /**
     * The ids once each, in order, sorted as primitives: a {@code TreeSet} of boxed ids was most of the once-a-minute
     * store of 20,000 check times in the profile of issue 17 (the query's {@code order by} decides the locking order).
     */
    static Long[] distinctSorted(long[] ids) {
        Arrays.sort(ids);
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (i == 0 || ids[i] != ids[i - 1]) {
                ids[n++] = ids[i];
            }
        }
        Long[] boxed = new Long[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = ids[i];
        }
        return boxed;
    }
}
