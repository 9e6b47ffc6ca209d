package org.argusee.status.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.argusee.status.control.DisplayState;
import org.argusee.status.control.DisplayStatus;
import org.argusee.status.control.EndedOverride;
import org.argusee.status.control.ObjectState;
import org.argusee.status.control.Resolution;
import org.argusee.status.control.Sample;
import org.argusee.status.control.SampleRow;
import org.argusee.status.control.Severity;
import org.argusee.status.control.StateChange;
import org.argusee.status.control.Status;
import org.junit.jupiter.api.Test;

/** The status writer's bounded queue: order kept, stored in parts, and what goes first when it is full. */
class WriteQueueTest {

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void rowsComeOutInTheOrderTheyWentInAPartAtATime() {
        WriteQueue q = new WriteQueue(100);
        q.add(batch(List.of(change(1, 0), change(2, 1)), List.of(sample(1, 0))));
        q.add(batch(List.of(change(1, 2)), List.of(sample(2, 1))));
        StatusBatch first = q.peek(2);
        assertEquals(
                List.of(1L, 2L),
                first.statuses().stream().map(StatusRow::objectId).toList());
        assertTrue(first.samples().isEmpty(), "the part is full with the two status rows");
        q.stored(first);
        StatusBatch rest = q.peek(10);
        assertEquals(1, rest.statuses().size());
        assertEquals(T0.plusSeconds(2), rest.statuses().get(0).change().at());
        assertEquals(2, rest.samples().size());
        q.stored(rest);
        assertTrue(q.isEmpty());
    }

    @Test
    void aFullQueueDropsTheOldestSamplesFirst() {
        WriteQueue q = new WriteQueue(100);
        List<SampleRow> samples = new ArrayList<>();
        for (int i = 0; i < 98; i++) {
            samples.add(sample(i, i));
        }
        q.add(batch(List.of(change(1, 0)), samples));
        WriteQueue.Dropped d = q.add(batch(List.of(change(2, 1), change(3, 2)), List.of(sample(99, 99))));
        // 102 rows: 2 over, and 1% (1 row) more so the next round does not trim again
        assertEquals(new WriteQueue.Dropped(3, 0, 0), d, "no status change goes while samples can");
        assertEquals(99, q.size());
        StatusBatch left = q.peek(1000);
        assertEquals(3, left.statuses().size());
        assertEquals(3, left.samples().get(0).objectId(), "the three oldest samples went");
        assertEquals(99, left.samples().get(left.samples().size() - 1).objectId(), "the newest sample is kept");
    }

    @Test
    void thenStatusChangesThatALaterOneForTheSameObjectSupersedes() {
        WriteQueue q = new WriteQueue(10);
        List<StatusRow> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(change(1, i)); // object 1 flaps six times
        }
        for (long id = 2; id <= 5; id++) {
            rows.add(change(id, 10 + (int) id)); // four objects change once
        }
        q.add(batch(rows, List.of()));
        WriteQueue.Dropped d = q.add(batch(List.of(change(6, 20), change(7, 21)), List.of(sample(1, 22))));
        assertEquals(1, d.samples());
        assertEquals(2, d.statuses());
        List<StatusRow> left = q.peek(100).statuses();
        assertEquals(10, left.size());
        assertEquals(T0.plusSeconds(2), left.get(0).change().at(), "object 1's two oldest changes went");
        assertEquals(
                List.of(2L, 3L, 4L, 5L, 6L, 7L),
                left.subList(4, 10).stream().map(StatusRow::objectId).toList(),
                "every other object's only change is kept");
    }

    @Test
    void lastTheOldestOfWhatIsLeft() {
        WriteQueue q = new WriteQueue(3);
        q.add(batch(List.of(change(1, 0), change(2, 1), change(3, 2)), List.of()));
        WriteQueue.Dropped d = q.add(batch(List.of(change(4, 3)), List.of()));
        assertEquals(new WriteQueue.Dropped(0, 1, 0), d);
        assertEquals(
                List.of(2L, 3L, 4L),
                q.peek(9).statuses().stream().map(StatusRow::objectId).toList());
    }

    @Test
    void theBoundIsAtLeastOneRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WriteQueue(0));
        assertTrue(e.getMessage().contains("argus.status.queue-max"), e.getMessage());
    }

    static StatusBatch batch(List<StatusRow> statuses, List<SampleRow> samples) {
        return new StatusBatch(statuses, samples, List.<EndedOverride>of());
    }

    static StatusRow change(long id, int second) {
        Instant at = T0.plusSeconds(second);
        boolean down = second % 2 == 0;
        ObjectState after = new ObjectState(
                down ? Status.DOWN : Status.UP,
                down ? Severity.CRITICAL : Severity.CLEAR,
                new DisplayStatus(
                        down ? DisplayState.DOWN : DisplayState.UP, down ? Severity.CRITICAL : Severity.CLEAR, null),
                down ? "refused" : null,
                at,
                false);
        return new StatusRow(id, "Top:s" + id, new StateChange(id, null, after, at), "r", at, List.of(), false, null);
    }

    static SampleRow sample(long id, int second) {
        return new SampleRow(
                id, Resolution.MINUTE, Sample.of(T0.plusSeconds(second), true, null, Duration.ofMillis(3)));
    }
}
