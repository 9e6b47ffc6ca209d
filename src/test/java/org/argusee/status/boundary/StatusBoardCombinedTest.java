package org.argusee.status.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.argusee.probe.control.Reply;
import org.argusee.status.control.DisplayState;
import org.argusee.status.control.JointStatus;
import org.argusee.status.control.ServiceCombiner;
import org.argusee.status.control.ServiceStatus;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;
import org.argusee.tree.boundary.TreeReloaded;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The board with a combiner (as the DARP master has): the graph, and so groups, the log and the readers, get the
 * combined status; the status machine keeps this server's own result.
 */
class StatusBoardCombinedTest {

    private static final Map<String, String> PARAMS = Map.of("retries", "0");
    private static final Reply OK = Reply.ok("ok", Duration.ofMillis(1));

    /** Combines service 10 only: what the test sets, remembering the own result it was given. */
    static final class Fake implements ServiceCombiner {
        final Map<Long, JointStatus> joint = new ConcurrentHashMap<>();
        final List<Optional<ServiceStatus>> ownSeen = new ArrayList<>();

        @Override
        public void start() {}

        @Override
        public Optional<JointStatus> combine(TreeNode service, Optional<ServiceStatus> own, Instant now) {
            ownSeen.add(own);
            return Optional.ofNullable(joint.get(service.id()));
        }

        @Override
        public Collection<Long> combinedIn(TreeSnapshot tree) {
            return List.of(10L, 11L);
        }
    }

    StatusBoard board;
    Fake fake = new Fake();

    @BeforeEach
    void board() {
        board = new StatusBoard();
        board.useCombiner(fake);
        List<ObjectRow> rows = new ArrayList<>();
        rows.add(new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0));
        rows.add(new ObjectRow(2, 1L, ObjectKind.GROUP, "G", null, null, 1));
        rows.add(new ObjectRow(10, 2L, ObjectKind.SERVICE, "S10", "TCP", null, 2));
        rows.add(new ObjectRow(11, 2L, ObjectKind.SERVICE, "S11", "TCP", null, 3));
        TreeSnapshot tree = TreeSnapshot.build(3, rows, List.<ParamRow>of(), ParameterCatalog.standard());
        board.treeReloaded(new TreeReloaded(TreeSnapshot.empty(), tree));
        board.stored(board.drain());
    }

    private StatusBatch settle() {
        board.tick(Instant.now());
        StatusBatch batch = board.drain();
        board.stored(batch);
        return batch;
    }

    private static JointStatus down(String reason, boolean overridden) {
        return new JointStatus(new ServiceStatus(Status.DOWN, 0, Severity.MAJOR, Instant.now(), reason), overridden);
    }

    @Test
    void aProbeShowsTheCombinedStatusAndTheMachineKeepsItsOwn() {
        fake.joint.put(10L, down("down on s1 (timeout)", false));
        board.record(10, "Top:G:S10", PARAMS, OK, null);
        settle();

        assertEquals(Status.DOWN, board.state(10).orElseThrow().status());
        assertEquals("down on s1 (timeout)", board.state(10).orElseThrow().reason());
        assertEquals(Status.DOWN, board.state(2).orElseThrow().status(), "the group follows the combined status");
        assertEquals(Status.UP, board.own(10).orElseThrow().status(), "this server's own result");
        assertEquals(
                Status.UP,
                fake.ownSeen.get(fake.ownSeen.size() - 1).orElseThrow().status());
    }

    @Test
    void aRecombinationShowsANewStatusWithoutAProbeEvenWithNoOwnResult() {
        fake.joint.put(11L, down("down on s1 (refused)", false));
        board.recombine(List.of(11L, 1L, 999L));
        settle();
        assertEquals(Status.DOWN, board.state(11).orElseThrow().status(), "reports alone: not tested here");
        assertTrue(board.own(11).isEmpty());

        fake.joint.remove(11L);
        board.recombine(List.of(11L));
        settle();
        assertEquals(
                Status.DOWN,
                board.state(11).orElseThrow().status(),
                "no longer combined and no own result: left as it was");

        board.record(11, "Top:G:S11", PARAMS, OK, null);
        settle();
        assertEquals(Status.UP, board.state(11).orElseThrow().status(), "its own result back");
    }

    @Test
    void combinedButNotReportedYetStaysUnknownWhateverTheOwnResult() {
        fake.joint.put(10L, JointStatus.notYet());
        board.record(10, "Top:G:S10", PARAMS, OK, null);
        settle();
        assertTrue(board.state(10).isEmpty(), "unknown, not this server's own up");
        assertEquals(Status.UP, board.own(10).orElseThrow().status());
    }

    @Test
    void downOnlyThroughOtherServersOverridesShowsOverrideAndIsLoggedAsInOverride() {
        fake.joint.put(10L, down("override on s1 (maintenance)", true));
        board.recombine(List.of(10L));
        StatusBatch batch = settle();

        assertEquals(
                DisplayState.OVERRIDE, board.state(10).orElseThrow().display().state());
        assertEquals(Severity.CLEAR, board.state(10).orElseThrow().display().severity());
        assertFalse(board.state(10).orElseThrow().overridden(), "no override is set here");
        StatusRow row = batch.statuses().stream()
                .filter(r -> r.objectId() == 10)
                .findFirst()
                .orElseThrow();
        assertTrue(row.inOverride(), "no notification");
        assertEquals("override on s1 (maintenance)", row.logReason());
        assertEquals(
                DisplayState.OVERRIDE,
                board.state(2).orElseThrow().display().state(),
                "the group shows what its child shows");

        fake.joint.put(10L, down("down on s2 (timeout)", false));
        board.recombine(List.of(10L));
        settle();
        assertEquals(DisplayState.DOWN, board.state(10).orElseThrow().display().state());
    }

    @Test
    void aNewTreeRecombinesWhatTheCombinerNames() {
        fake.joint.put(10L, down("down on s1", false));
        board.treeReloaded(new TreeReloaded(
                board.tree(),
                TreeSnapshot.build(
                        4,
                        List.of(
                                new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0),
                                new ObjectRow(2, 1L, ObjectKind.GROUP, "G", null, null, 1),
                                new ObjectRow(10, 2L, ObjectKind.SERVICE, "S10", "TCP", null, 2)),
                        List.of(),
                        ParameterCatalog.standard())));
        settle();
        assertEquals(Status.DOWN, board.state(10).orElseThrow().status());
    }
}
