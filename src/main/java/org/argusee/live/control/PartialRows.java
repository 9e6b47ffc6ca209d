package org.argusee.live.control;

import java.util.HashMap;
import java.util.Map;
import org.argusee.web.control.DashboardRow;

/**
 * The rows last sent to one viewer of the groups they see only in part (something under them is hidden). Such a
 * group changes on the status board when a hidden child does; the viewer's row of it (worked out from what they
 * see) then stays the same, and sending it anyway would tell them that something they may not see happened. So a
 * row of such a group goes out only when it differs from the last one.
 *
 * @param revision the tree revision the rows belong to
 */
public record PartialRows(long revision, Map<Long, DashboardRow> rows) {

    public PartialRows(long revision) {
        this(revision, new HashMap<>());
    }

    /** Notes the row; answers whether it differs from the one noted before (true for the first one). */
    public boolean changed(long objectId, DashboardRow row) {
        return !row.equals(rows.put(objectId, row));
    }
}
