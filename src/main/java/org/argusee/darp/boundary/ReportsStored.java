package org.argusee.darp.boundary;

import java.time.Instant;
import java.util.List;
import org.argusee.darp.control.combine.LastReport;

/**
 * A slave's reports were stored on this master (fired inside the intake transaction: observe it with
 * {@code during = AFTER_SUCCESS}, so only committed reports are combined). Items that were duplicates or named
 * an unknown object are not in it. {@code received}: when the master began to store the message.
 */
public record ReportsStored(String tag, Instant received, List<Item> items) {

    public record Item(long objectId, LastReport report) {}

    public ReportsStored {
        items = List.copyOf(items);
    }
}
