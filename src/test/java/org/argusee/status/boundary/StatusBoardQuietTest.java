package org.argusee.status.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.argusee.probe.control.Reply;
import org.argusee.status.control.DisplayState;
import org.argusee.status.control.JointStatus;
import org.argusee.status.control.OverrideMode;
import org.argusee.status.control.ServiceStatus;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;
import org.argusee.status.control.UserOverride;
import org.argusee.tree.boundary.TreeReloaded;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same result again skips the status graph when nothing the service's state reads has changed ({@link
 * Tracked#quiet}); whatever did change in between must still show at the next reply, as before the shortcut.
 */
class StatusBoardQuietTest {

    private static final Map<String, String> PARAMS = Map.of("retries", "0");
    private static final Reply OK = Reply.ok(null, Duration.ofMillis(1));
    private static final Reply REFUSED = Reply.failed("connection refused", Duration.ofMillis(1));

    StatusBoard board;
    StatusBoardCombinedTest.Fake combiner = new StatusBoardCombinedTest.Fake();

    @BeforeEach
    void board() {
        board = new StatusBoard();
        board.useCombiner(combiner);
        board.treeReloaded(new TreeReloaded(TreeSnapshot.empty(), tree(3, List.of())));
        board.stored(board.drain());
    }

    /** Top, group G, services 10-12; 11 depends on 12 when {@code depends} says so. */
    private static TreeSnapshot tree(long revision, List<ParamRow> params) {
        List<ObjectRow> rows = new ArrayList<>();
        rows.add(new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0));
        rows.add(new ObjectRow(2, 1L, ObjectKind.GROUP, "G", null, null, 1));
        for (long id = 10; id <= 12; id++) {
            rows.add(new ObjectRow(id, 2L, ObjectKind.SERVICE, "S" + id, "TCP", null, (int) id));
        }
        return TreeSnapshot.build(revision, rows, params, ParameterCatalog.standard());
    }

    private void replies(long id, Reply reply, int times) {
        for (int i = 0; i < times; i++) {
            board.record(id, "Top:G:S" + id, PARAMS, reply, null);
        }
    }

    private DisplayState shown(long id) {
        return board.live(id).orElseThrow().display().state();
    }

    @Test
    void anOverrideSetOrRemovedBetweenTheSameResultsShows() {
        replies(10, REFUSED, 3);
        assertEquals(DisplayState.DOWN, shown(10));
        board.override(10, new UserOverride("ops", "known", Instant.now(), null, OverrideMode.MANUAL, null, false));
        replies(10, REFUSED, 3);
        assertEquals(DisplayState.OVERRIDE, shown(10));
        board.override(10, null);
        replies(10, REFUSED, 3);
        assertEquals(DisplayState.DOWN, shown(10));
    }

    @Test
    void anOverrideThatExpiresEndsAtTheNextReply() {
        replies(10, OK, 3); // up, failures 0: the same status again at each reply
        Instant expires = Instant.now().plusMillis(30);
        board.override(10, new UserOverride("ops", "soon", Instant.now(), expires, OverrideMode.MANUAL, null, false));
        replies(10, OK, 2);
        assertEquals(true, board.live(10).orElseThrow().overridden());
        while (!Instant.now().isAfter(expires)) { // its time is up: no writer round has ended it yet
            Thread.onSpinWait();
        }
        replies(10, OK, 1);
        assertEquals(false, board.live(10).orElseThrow().overridden(), "the reply's evaluation ends it");
        assertEquals(true, board.graph().override(10).isEmpty());
    }

    @Test
    void anOverrideThatEndsWhenUpEndsAtTheFirstPass() {
        replies(10, REFUSED, 3);
        board.override(10, new UserOverride("ops", "auto", Instant.now(), null, OverrideMode.AUTO, null, false));
        replies(10, REFUSED, 2);
        replies(10, OK, 1);
        assertEquals(DisplayState.UP, shown(10));
        assertEquals(true, board.graph().override(10).isEmpty(), "auto override ended by the pass");
        replies(10, REFUSED, 2);
        assertEquals(DisplayState.DOWN, shown(10), "no override left to show");
    }

    @Test
    void aDependencyGoingDownShowsOnADependantThatKeepsFailing() {
        List<ParamRow> depends = List.of(new ParamRow(11, "depends", "Top:G:S12", true, 0));
        board.treeReloaded(new TreeReloaded(board.tree(), tree(4, depends)));
        replies(11, REFUSED, 3);
        replies(12, OK, 3);
        board.tick(Instant.now());
        assertEquals(DisplayState.DOWN, shown(11));
        replies(12, REFUSED, 1);
        replies(11, REFUSED, 1);
        assertEquals(DisplayState.DEPENDS, shown(11), "the dependant's reply sees it before the writer's round");
        board.tick(Instant.now());
        replies(11, REFUSED, 3);
        assertEquals(DisplayState.DEPENDS, shown(11));
        replies(12, OK, 1);
        board.tick(Instant.now());
        replies(11, REFUSED, 3);
        assertEquals(DisplayState.DOWN, shown(11));
    }

    @Test
    void aNewTreeIsLookedAtAgain() {
        replies(10, OK, 3);
        board.treeReloaded(new TreeReloaded(board.tree(), tree(4, List.of())));
        replies(10, OK, 2);
        assertEquals(DisplayState.UP, shown(10));
        assertEquals(true, board.tree().byId(10).isPresent());
    }

    @Test
    void aServiceCombinedLaterGetsTheCombinedStatusAndItsOwnBack() {
        replies(10, OK, 3);
        ServiceStatus down = new ServiceStatus(Status.DOWN, 3, Severity.CRITICAL, Instant.now(), "2 of 3 down");
        combiner.joint.put(10L, new JointStatus(down, false));
        replies(10, OK, 1);
        assertEquals(Status.DOWN, board.live(10).orElseThrow().status());
        replies(10, OK, 2);
        assertEquals(Status.DOWN, board.live(10).orElseThrow().status());
        combiner.joint.remove(10L);
        replies(10, OK, 1);
        assertEquals(Status.UP, board.live(10).orElseThrow().status());
        replies(10, OK, 2);
        assertEquals(Status.UP, board.live(10).orElseThrow().status());
    }

    @Test
    void forgottenServicesStartAgainFromTheGraph() {
        replies(10, REFUSED, 3);
        board.forget(10);
        replies(10, REFUSED, 2);
        assertEquals(DisplayState.DOWN, shown(10));
        replies(10, OK, 1);
        assertEquals(DisplayState.UP, shown(10));
    }
}
