package org.argusee.status.boundary;

import static org.argusee.status.boundary.WriteQueueTest.batch;
import static org.argusee.status.boundary.WriteQueueTest.change;
import static org.argusee.status.boundary.WriteQueueTest.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.argusee.status.control.SampleRow;
import org.junit.jupiter.api.Test;

class RefusedRowsTest {

    private static final RuntimeException REFUSED =
            new IllegalStateException(new SQLException("value too long for type character varying(20)", "22001"));

    /** What the writer's queue sees: every piece done, in order, and which were set aside. */
    private final List<StatusBatch> stored = new ArrayList<>();

    private final List<StatusBatch> setAside = new ArrayList<>();
    private final WriteQueue queue = new WriteQueue(1_000);
    private int transactions;

    @Test
    void theRefusedRowsAreSetAsideAndEverythingElseIsStoredInOrder() {
        StatusBatch batch = batch(
                LongStream.range(0, 10).mapToObj(id -> change(id, (int) id)).toList(),
                LongStream.range(10, 15).mapToObj(id -> sample(id, 1)).toList());
        queue.add(batch);

        RefusedRows.storeAround(batch, REFUSED, refusing(Set.of(3L, 12L), Set.of()), this::done);

        assertEquals(
                List.of(3L),
                ids(setAside.stream().flatMap(b -> b.statuses().stream()).toList()));
        assertEquals(
                List.of(12L),
                setAside.stream()
                        .flatMap(b -> b.samples().stream())
                        .map(SampleRow::objectId)
                        .toList());
        assertEquals(
                List.of(0L, 1L, 2L, 4L, 5L, 6L, 7L, 8L, 9L),
                ids(stored.stream().flatMap(b -> b.statuses().stream()).toList()));
        assertEquals(
                List.of(10L, 11L, 13L, 14L),
                stored.stream()
                        .flatMap(b -> b.samples().stream())
                        .map(SampleRow::objectId)
                        .toList());
        assertTrue(queue.isEmpty(), "each piece left the front of the queue as it was done");
        assertTrue(transactions < batch.size() * 2, "found by halving, not row by row: " + transactions);
    }

    @Test
    void theDatabaseGoingAwayMeanwhileEndsItWithTheRestStillQueued() {
        StatusBatch batch = batch(
                LongStream.range(0, 8).mapToObj(id -> change(id, (int) id)).toList(), List.of());
        queue.add(batch);
        RuntimeException away = assertThrows(
                RuntimeException.class,
                () -> RefusedRows.storeAround(batch, REFUSED, refusing(Set.of(1L), Set.of(5L)), this::done));

        assertFalse(RefusedRows.refused(away));
        assertEquals(List.of(1L), ids(setAside.get(0).statuses()));
        assertEquals(
                List.of(0L, 2L, 3L),
                ids(stored.stream().flatMap(b -> b.statuses().stream()).toList()));
        assertEquals(4, queue.size(), "rows 4 to 7 wait for the database");
        assertEquals(4L, queue.peek(10).statuses().get(0).objectId());
    }

    @Test
    void onlyDataAndConstraintErrorsAreRefusals() {
        assertTrue(RefusedRows.refused(new RuntimeException(new SQLException("NUL", "22021"))));
        assertTrue(
                RefusedRows.refused(new IllegalStateException(new RuntimeException(new SQLException("fk", "23503")))));
        BatchUpdateException batched = new BatchUpdateException("Batch entry 0 was aborted", "22021", new int[0]);
        assertTrue(RefusedRows.refused(new RuntimeException(batched)));
        BatchUpdateException noState = new BatchUpdateException("Batch entry 0 was aborted", null, new int[0]);
        noState.setNextException(new SQLException("value too long", "22001"));
        assertTrue(RefusedRows.refused(new RuntimeException(noState)));

        assertFalse(RefusedRows.refused(new RuntimeException(new SQLException("connection", "08006"))));
        assertFalse(RefusedRows.refused(new RuntimeException(new SQLException("serialization", "40001"))));
        assertFalse(RefusedRows.refused(new RuntimeException("no SQL at all")));
    }

    @Test
    void aSingleRowBatchIsSetAsideAtOnce() {
        StatusBatch one = batch(List.of(change(7, 1)), List.of());
        queue.add(one);
        RefusedRows.storeAround(
                one,
                REFUSED,
                p -> {
                    throw new AssertionError("it was refused already");
                },
                this::done);
        assertSame(one, setAside.get(0));
        assertTrue(queue.isEmpty());
    }

    @Test
    void checkTimesAreStoredAroundARefusedMarkAndAnOutageStillThrows() {
        List<LastCheck.Mark> marks = LongStream.range(0, 9)
                .mapToObj(id -> new LastCheck.Mark(id, Instant.EPOCH, "r" + id))
                .toList();
        List<Long> touched = new ArrayList<>();
        RefusedRows.touchAround(marks, piece -> {
            if (piece.stream().anyMatch(m -> m.objectId() == 5)) {
                throw REFUSED;
            }
            piece.forEach(m -> touched.add(m.objectId()));
        });
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 6L, 7L, 8L), touched, "all but the refused mark, in order");

        RuntimeException away = new IllegalStateException(new SQLException("connection refused", "08001"));
        assertSame(
                away,
                assertThrows(
                        RuntimeException.class,
                        () -> RefusedRows.touchAround(marks, piece -> {
                            throw away;
                        })));
    }

    /** A store refusing pieces that hold one of {@code refused}, failing as if away at one of {@code away}. */
    private RefusedRows.Store refusing(Set<Long> refused, Set<Long> away) {
        return piece -> {
            transactions++;
            List<Long> ids = new ArrayList<>(ids(piece.statuses()));
            piece.samples().forEach(s -> ids.add(s.objectId()));
            if (ids.stream().anyMatch(away::contains)) {
                throw new IllegalStateException(new SQLException("connection refused", "08001"));
            }
            if (ids.stream().anyMatch(refused::contains)) {
                BatchUpdateException e = new BatchUpdateException("Batch entry 0 was aborted", "22021", new int[0]);
                e.setNextException(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
                throw new IllegalStateException(e);
            }
        };
    }

    private void done(StatusBatch piece, boolean aside) {
        queue.stored(piece);
        (aside ? setAside : stored).add(piece);
    }

    private static List<Long> ids(List<StatusRow> rows) {
        return rows.stream().map(StatusRow::objectId).toList();
    }
}
