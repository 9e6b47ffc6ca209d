package org.argusee.status.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.argusee.probe.control.Reply;
import org.argusee.status.control.Status;
import org.argusee.tree.boundary.TreeReloaded;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A service's entry kept by its prober between replies: used while it is the board's, never after it was dropped. */
class StatusBoardPlaceTest {

    private static final Map<String, String> PARAMS = Map.of("retries", "1", "retrydelay", "2s");
    private static final Reply REFUSED = Reply.failed("connection refused", Duration.ofMillis(1));

    private final StatusBoard board = new StatusBoard();

    /** As the scheduler's service keeps it. */
    private static final class Place implements EntryPlace {
        Object entry;

        @Override
        public Object boardEntry() {
            return entry;
        }

        @Override
        public void boardEntry(Object entry) {
            this.entry = entry;
        }
    }

    @BeforeEach
    void tree() {
        List<ObjectRow> rows = List.of(
                new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0),
                new ObjectRow(2, 1L, ObjectKind.GROUP, "G", null, null, 1),
                new ObjectRow(10, 2L, ObjectKind.SERVICE, "S10", "TCP", null, 10));
        TreeSnapshot tree = TreeSnapshot.build(3, rows, List.<ParamRow>of(), ParameterCatalog.standard());
        board.treeReloaded(new TreeReloaded(TreeSnapshot.empty(), tree));
    }

    @Test
    void theKeptEntryCarriesTheMachineOn() {
        Place place = new Place();
        assertEquals(Optional.of(Duration.ofSeconds(2)), board.record(10, "Top:G:S10", PARAMS, REFUSED, place));
        Object entry = place.entry;
        assertNotNull(entry);
        assertEquals(Optional.empty(), board.record(10, "Top:G:S10", PARAMS, REFUSED, place), "second failure: down");
        assertSame(entry, place.entry);
        assertEquals(Status.DOWN, board.live(10).orElseThrow().status());
        assertEquals(Optional.empty(), board.record(10, "Top:G:S10", PARAMS, REFUSED, null), "the same entry by id");
    }

    @Test
    void aForgottenServiceStartsAfreshWhateverItsProberKept() {
        Place place = new Place();
        board.record(10, "Top:G:S10", PARAMS, REFUSED, place);
        Object entry = place.entry;
        board.forget(10); // deleted, or planned afresh
        assertEquals(
                Optional.of(Duration.ofSeconds(2)),
                board.record(10, "Top:G:S10", PARAMS, REFUSED, place),
                "a first failure of two again, as a reply looked up by id after the forget");
        assertNotSame(entry, place.entry, "the dropped entry is not used again");
        Place other = new Place();
        board.record(10, "Top:G:S10", PARAMS, REFUSED, other);
        assertSame(place.entry, other.entry, "one entry by id");
    }
}
