package org.argusee.status.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.argusee.probe.control.Reply;
import org.argusee.status.control.DisplayState;
import org.argusee.status.control.Resolution;
import org.argusee.status.control.Status;
import org.argusee.tree.boundary.TreeReloaded;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The board without a container: what a stream of replies queues for storing, and what readers see when. */
class StatusBoardTest {

    private static final Map<String, String> PARAMS = Map.of("retries", "1", "retrydelay", "2s", "graph", "yes");
    private static final Reply OK = Reply.ok("42", Duration.ofMillis(3));
    private static final Reply REFUSED = Reply.failed("connection refused", Duration.ofMillis(1));

    StatusBoard board;

    @BeforeEach
    void board() {
        board = new StatusBoard();
        List<ObjectRow> rows = new ArrayList<>();
        rows.add(new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0));
        rows.add(new ObjectRow(2, 1L, ObjectKind.GROUP, "G", null, null, 1));
        for (long id = 10; id < 20; id++) {
            rows.add(new ObjectRow(id, 2L, ObjectKind.SERVICE, "S" + id, "TCP", null, (int) id));
        }
        TreeSnapshot tree = TreeSnapshot.build(3, rows, List.<ParamRow>of(), ParameterCatalog.standard());
        board.treeReloaded(new TreeReloaded(TreeSnapshot.empty(), tree));
        board.stored(board.drain());
    }

    @Test
    void unknownUntilSettledThenRetriedAfterRetrydelay() {
        assertEquals(Optional.of(Duration.ofSeconds(2)), board.record(10, "Top:G:S10", PARAMS, REFUSED, null));
        assertTrue(board.live(10).isEmpty(), "one failure of two: still unknown");
        assertEquals(
                Optional.empty(), board.record(10, "Top:G:S10", PARAMS, REFUSED, null), "down: regular pace again");
        assertEquals(Status.DOWN, board.live(10).orElseThrow().status());
        assertTrue(board.state(10).isEmpty(), "readers see it once stored");
        board.tick(Instant.now()); // the writer's round: the group and Top follow
        StatusBatch batch = board.drain();
        board.stored(batch);
        assertEquals(DisplayState.DOWN, board.state(10).orElseThrow().display().state());
        assertEquals(
                List.of(10L, 2L, 1L),
                batch.statuses().stream().map(StatusRow::objectId).toList());
        assertTrue(batch.statuses().get(0).change().logged());
        assertEquals(1, batch.statuses().get(0).days().get(0).timesDown());
    }

    @Test
    void aSteadyServiceQueuesNothingButItsSamples() {
        board.record(11, "Top:G:S11", PARAMS, OK, null);
        board.stored(board.drain());
        Instant before = Instant.now();
        for (int i = 0; i < 1000; i++) {
            board.record(11, "Top:G:S11", PARAMS, OK, null);
        }
        StatusBatch batch = board.drain();
        assertTrue(batch.statuses().isEmpty(), "no change, nothing to write");
        int closed = batch.samples().stream()
                .filter(r -> r.resolution() == Resolution.MINUTE)
                .mapToInt(r -> r.sample().probes())
                .sum(); // a minute may have turned over meanwhile
        int open = board.currentSample(11, Resolution.MINUTE, before)
                .map(s -> s.probes())
                .orElse(0);
        assertEquals(1001, closed + open, "every probe of a graph: yes service is sampled");
        assertEquals("42", board.lastCheck(11).orElseThrow().result());
    }

    @Test
    void checkTimesAreStoredOncePerCheck() {
        board.record(12, "Top:G:S12", PARAMS, OK, null);
        assertEquals(1, board.checksToStore().size());
        assertTrue(board.checksToStore().isEmpty(), "nothing new since");
        board.record(12, "Top:G:S12", PARAMS, OK, null);
        assertEquals(1, board.checksToStore().size());
    }
}
