package org.argusee.status.boundary;

import java.util.List;
import org.argusee.status.control.EndedOverride;
import org.argusee.status.control.SampleRow;

/** What one write stores: status changes, closed sample buckets, overrides that ended by themselves. */
public record StatusBatch(List<StatusRow> statuses, List<SampleRow> samples, List<EndedOverride> ended) {

    public static final StatusBatch EMPTY = new StatusBatch(List.of(), List.of(), List.of());

    public StatusBatch {
        statuses = List.copyOf(statuses);
        samples = List.copyOf(samples);
        ended = List.copyOf(ended);
    }

    public boolean isEmpty() {
        return statuses.isEmpty() && samples.isEmpty() && ended.isEmpty();
    }

    public int size() {
        return statuses.size() + samples.size() + ended.size();
    }
}
