package org.argusee.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.argusee.status.control.DisplayState;
import org.argusee.status.control.DisplayStatus;
import org.argusee.status.control.ObjectState;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;
import org.argusee.status.control.StatusCounts;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.Test;

/** A group with a hidden part shows the viewer what their visible children make of it, nothing of the rest. */
class SeenStatesTest {

    // Top(1) > Ops(2) > Secret(3) > db(4), Ops > web(5); Top > Public(6) > www(7); Secret is for staff only
    private final TreeSnapshot tree = TreeSnapshot.build(
            1,
            List.of(
                    new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0),
                    new ObjectRow(2, 1L, ObjectKind.GROUP, "Ops", null, null, 0),
                    new ObjectRow(3, 2L, ObjectKind.GROUP, "Secret", null, null, 0),
                    new ObjectRow(4, 3L, ObjectKind.SERVICE, "db", "TCP/HTTP", null, 0),
                    new ObjectRow(5, 2L, ObjectKind.SERVICE, "web", "TCP/HTTP", null, 1),
                    new ObjectRow(6, 1L, ObjectKind.GROUP, "Public", null, null, 1),
                    new ObjectRow(7, 6L, ObjectKind.SERVICE, "www", "TCP/HTTP", null, 0)),
            List.of(new ParamRow(3, "acl_user", "-ALL staff root", false, 0)),
            ParameterCatalog.standard());
    private final Map<Long, ObjectState> board = new HashMap<>();
    private static final Instant T0 = Instant.parse("2026-12-06T05:00:00Z");

    @Test
    void aHiddenOutageLeavesNoTraceInTheGroupsAbove() {
        board.put(4L, down(T0.plusSeconds(60))); // the hidden db is down: Secret, Ops and Top are down on the board
        board.put(3L, down(T0.plusSeconds(60)));
        board.put(
                2L,
                new ObjectState(
                        Status.DOWN,
                        Severity.CRITICAL,
                        shows(DisplayState.DOWN, Severity.CRITICAL),
                        "1 of 2 down",
                        T0.plusSeconds(60),
                        false));
        board.put(1L, board.get(2L));
        board.put(5L, up(T0));
        board.put(6L, up(T0.plusSeconds(5)));
        board.put(7L, up(T0.plusSeconds(5)));
        Visibility user = Visibility.of(tree, new Viewer("carol", Set.of("user")));
        SeenStates seen = new SeenStates(board::get, user);

        assertTrue(user.hidesUnder(tree.find("Top:Ops").orElseThrow()));
        assertTrue(user.hidesUnder(tree.top()));
        assertFalse(user.hidesUnder(tree.find("Top:Public").orElseThrow()));
        ObjectState ops = seen.state(tree.find("Top:Ops").orElseThrow());
        assertEquals(Status.UP, ops.status());
        assertEquals(DisplayState.UP, ops.display().state());
        assertNull(ops.reason(), "no '1 of 2 down'");
        assertEquals(T0, ops.since(), "since its visible child came up, not since the hidden one went down");
        ObjectState top = seen.state(tree.top());
        assertEquals(DisplayState.UP, top.display().state());
        assertEquals(T0.plusSeconds(5), top.since());
        assertSame(board.get(6L), seen.state(tree.find("Top:Public").orElseThrow()), "nothing hidden: the board's");
        assertEquals(
                Map.of("up", 2),
                StatusCounts.under(tree.top(), seen::state, user::sees),
                "the hidden db is not counted");

        board.put(5L, down(T0.plusSeconds(90)));
        SeenStates later = new SeenStates(board::get, user);
        ObjectState opsDown = later.state(tree.find("Top:Ops").orElseThrow());
        assertEquals(DisplayState.DOWN, opsDown.display().state());
        assertEquals("1 of 1 down", opsDown.reason());
        assertEquals(T0.plusSeconds(90), opsDown.since());
    }

    @Test
    void staffSeeTheBoardAsItIs() {
        board.put(1L, down(T0));
        Visibility staff = Visibility.of(tree, new Viewer("dave", Set.of("staff")));
        assertSame(Visibility.ALL, staff);
        assertSame(board.get(1L), new SeenStates(board::get, staff).state(tree.top()));
    }

    @Test
    void aGroupWhoseVisibleChildrenAreAllUnknownIsUnknown() {
        board.put(4L, down(T0));
        Visibility user = Visibility.of(tree, new Viewer("carol", Set.of("user")));
        assertNull(new SeenStates(board::get, user).state(tree.find("Top:Ops").orElseThrow()));
    }

    private static ObjectState down(Instant since) {
        return new ObjectState(
                Status.DOWN, Severity.CRITICAL, shows(DisplayState.DOWN, Severity.CRITICAL), "refused", since, false);
    }

    private static ObjectState up(Instant since) {
        return new ObjectState(Status.UP, Severity.CLEAR, shows(DisplayState.UP, Severity.CLEAR), null, since, false);
    }

    private static DisplayStatus shows(DisplayState state, Severity severity) {
        return new DisplayStatus(state, severity, null);
    }
}
