package org.argusee.darp.control.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.argusee.darp.control.wire.ReportItem;

/**
 * The slave's reports not yet confirmed by the master. An item gets its sequence number when first sent and keeps
 * it (and its content) for every resend, so the master, which applies a number at most once, never applies one
 * twice nor loses one. Items not sent yet are coalesced per object: only the newest state of an object matters.
 * Not thread-safe: the link uses it from its own thread only.
 */
public final class Outbox {

    private final Map<String, ReportItem> unsent = new LinkedHashMap<>();
    private final TreeMap<Long, ReportItem> sent = new TreeMap<>();
    private long counter;

    public void add(ReportItem item) {
        unsent.remove(item.object());
        unsent.put(item.object(), item);
    }

    /**
     * A connection was welcomed: the master has applied everything up to {@code lastSeq}. Numbers continue above
     * it (a restarted slave starts again at 0). Returns what to send now: the unconfirmed items again, in order,
     * then the new ones.
     */
    public List<ReportItem> welcome(long lastSeq) {
        return welcome(lastSeq, new ArrayList<>());
    }

    /** As {@link #welcome(long)}, adding the items the master had applied to {@code applied}. */
    public List<ReportItem> welcome(long lastSeq, List<ReportItem> applied) {
        applied.addAll(ack(lastSeq));
        counter = Math.max(counter, lastSeq);
        List<ReportItem> out = new ArrayList<>(sent.values());
        out.addAll(takeNew());
        return out;
    }

    /** Numbers the items not sent yet and moves them to the sent ones. */
    public List<ReportItem> takeNew() {
        List<ReportItem> out = new ArrayList<>(unsent.size());
        for (ReportItem item : unsent.values()) {
            ReportItem numbered = item.numbered(++counter);
            sent.put(numbered.seq(), numbered);
            out.add(numbered);
        }
        unsent.clear();
        return out;
    }

    /**
     * Everything up to {@code seq} is applied (acks are cumulative).
     *
     * @return the items newly known applied, in order (a slave's kept transitions wait for them: SlaveKeep)
     */
    public List<ReportItem> ack(long seq) {
        Map<Long, ReportItem> applied = sent.headMap(seq, true);
        List<ReportItem> items = new ArrayList<>(applied.values());
        applied.clear();
        return items;
    }

    public int pending() {
        return sent.size() + unsent.size();
    }

    public long lastNumber() {
        return counter;
    }
}
