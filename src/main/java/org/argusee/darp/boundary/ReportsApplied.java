package org.argusee.darp.boundary;

import java.util.List;
import org.argusee.darp.control.wire.ReportItem;

/**
 * On a slave: its master has applied these reports (acked them). Fired synchronously on the link's thread, so
 * observers must be quick and must not wait for the database. A transition a report carries is from then on the
 * master's to tell (notify's keeping of transitions left to the master, docs/design/70-notify.md).
 *
 * @param master the master's tag
 * @param items  the reports applied, in order
 */
public record ReportsApplied(String master, List<ReportItem> items) {
    public ReportsApplied {
        items = List.copyOf(items);
    }
}
