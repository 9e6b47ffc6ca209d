package org.argusee.status.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusGraphTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    Trees trees;
    StatusGraph graph;
    long net;
    long web;
    long a;
    long b;

    @BeforeEach
    void tree() {
        trees = new Trees();
        net = trees.group(Trees.TOP, "Net");
        a = trees.service(net, "A");
        web = trees.group(Trees.TOP, "Web");
        b = trees.service(web, "B");
        graph = new StatusGraph();
        graph.reload(trees.build(), T0);
    }

    @Test
    void nothingIsKnownUntilChecked() {
        assertTrue(graph.state(a).isEmpty());
        assertTrue(graph.state(net).isEmpty(), "a group of unknown children is unknown");
        assertTrue(graph.state(Trees.TOP).isEmpty());
        long empty = trees.group(Trees.TOP, "Empty");
        graph.reload(trees.build(), T0);
        assertEquals(DisplayState.UP, shown(empty), "an empty group is up");

        trees.service(empty, "New");
        Outcome outcome = graph.reload(trees.build(), T0.plusSeconds(60));
        assertTrue(graph.state(empty).isEmpty(), "unknown again: its only service was never checked");
        StateChange gone = outcome.changes().stream()
                .filter(c -> c.objectId() == empty)
                .findFirst()
                .orElseThrow();
        assertFalse(gone.logged());
        assertTrue(gone.announced());
        assertEquals(
                List.of(new DayTally(T0.atZone(java.time.ZoneOffset.UTC).toLocalDate(), 60, 0, 0)),
                Availability.of(gone),
                "its time up is counted");
    }

    @Test
    void firstUpIsNoNewsFirstDownIs() {
        Outcome up = check(a, up(), T0);
        assertEquals(List.of(a, net, Trees.TOP), ids(up.changes()));
        assertTrue(up.changes().stream().noneMatch(StateChange::logged));
        assertEquals(Status.UP, graph.state(Trees.TOP).orElseThrow().status(), "Top counts known children only");
        Outcome down = check(b, down(Severity.MAJOR), T0);
        StateChange first = down.changes().get(0);
        assertTrue(first.logged());
        assertTrue(first.wentDown());
        assertFalse(first.statusChanged(), "nothing to close: it was unknown");
    }

    @Test
    void groupGoesDownByGravity() {
        long c = trees.service(net, "C");
        graph.reload(trees.build(), T0);
        check(a, up(), T0);
        check(c, down(Severity.MINOR), T0);
        assertEquals(Status.DOWN, graph.state(net).orElseThrow().status());
        assertEquals(
                new DisplayStatus(DisplayState.DOWN, Severity.MINOR, null),
                graph.state(net).get().display());
        assertEquals("1 of 2 down", graph.state(net).get().reason());
        assertEquals(Status.DOWN, graph.state(Trees.TOP).orElseThrow().status(), "up the tree");

        trees.param(net, "gravity", "up");
        graph.reload(trees.build(), T0.plusSeconds(5));
        assertEquals(Status.UP, graph.state(net).orElseThrow().status(), "one child up is enough");
        assertEquals(Status.UP, graph.state(Trees.TOP).orElseThrow().status());

        trees.param(net, "gravity", "vote");
        graph.reload(trees.build(), T0.plusSeconds(6));
        assertEquals(Status.UP, graph.state(net).orElseThrow().status(), "half up is up");
        check(a, down(Severity.CRITICAL), T0.plusSeconds(7));
        assertEquals(Severity.MINOR, graph.state(net).orElseThrow().severity(), "vote takes the mildest");
    }

    @Test
    void nostatusChildrenAreSkipped() {
        long quiet = trees.service(net, "Quiet");
        trees.param(quiet, "nostatus", "yes");
        graph.reload(trees.build(), T0);
        check(a, up(), T0);
        check(quiet, down(Severity.CRITICAL), T0);
        assertEquals(Status.UP, graph.state(net).orElseThrow().status());
        assertEquals(Status.DOWN, graph.state(quiet).orElseThrow().status(), "it has a status of its own");
    }

    @Test
    void aliasFollowsItsTarget() {
        long alias = trees.alias(web, "NetAlias", "Top:Net:A");
        long loop = trees.alias(web, "Loop", "Top:Web");
        graph.reload(trees.build(), T0);
        check(b, up(), T0);
        check(a, down(Severity.MAJOR), T0);
        assertEquals(Status.DOWN, graph.state(alias).orElseThrow().status());
        assertEquals(Status.DOWN, graph.state(web).orElseThrow().status(), "the alias counts in its group");
        assertTrue(graph.state(loop).isEmpty(), "an alias of its own group stays unknown");
        check(a, up(), T0.plusSeconds(1));
        assertEquals(Status.UP, graph.state(web).orElseThrow().status());
    }

    @Test
    void overrideShowsOverrideAndFlagsChildren() {
        check(a, down(Severity.CRITICAL), T0);
        UserOverride o = new UserOverride("bob", "works", T0, null, OverrideMode.MANUAL, null, false);
        Outcome set = graph.override(net, o, T0);
        assertEquals(DisplayState.OVERRIDE, shown(net));
        assertEquals(DisplayState.DOWN, shown(a), "the child keeps its own state");
        assertEquals(net, graph.overriddenAncestor(a, T0).orElseThrow().id());
        assertTrue(set.changes().get(0).logged());
        assertTrue(graph.state(net).get().overridden());

        graph.override(net, null, T0);
        assertEquals(DisplayState.DOWN, shown(net));
        assertTrue(graph.overriddenAncestor(a, T0).isEmpty());
    }

    @Test
    void autoOverrideEndsWhenTheObjectComesBackUp() {
        check(a, up(), T0);
        UserOverride auto = new UserOverride("ann", "reboot", T0, null, OverrideMode.AUTO, "T-1", false);
        graph.override(a, auto, T0);
        check(a, up(), T0.plusSeconds(1));
        assertTrue(graph.override(a).isPresent(), "set ahead of the work: stays while up");
        check(a, down(Severity.CRITICAL), T0.plusSeconds(2));
        assertEquals(DisplayState.OVERRIDE, shown(a));
        Outcome back = check(a, up(), T0.plusSeconds(3));
        assertEquals(List.of(new EndedOverride(a, auto, "object is up")), back.ended());
        assertTrue(graph.override(a).isEmpty());
        assertFalse(graph.state(a).orElseThrow().overridden());
    }

    @Test
    void overrideExpires() {
        check(a, down(Severity.CRITICAL), T0);
        UserOverride o = new UserOverride("bob", "short", T0, T0.plusSeconds(60), OverrideMode.MANUAL, null, true);
        graph.override(a, o, T0);
        assertTrue(graph.expire(T0.plusSeconds(59)).isEmpty());
        Outcome expired = graph.expire(T0.plusSeconds(60));
        assertEquals(List.of(new EndedOverride(a, o, "expired")), expired.ended());
        assertEquals(DisplayState.DOWN, shown(a));
        assertTrue(graph.expire(T0.plusSeconds(61)).isEmpty());
    }

    @Test
    void dependsShowsWarningUntilTheDependencyReturns() {
        trees.param(web, "depends", "Top:Net:A Top:Nowhere");
        graph.reload(trees.build(), T0);
        check(a, down(Severity.CRITICAL), T0);
        check(b, down(Severity.CRITICAL), T0);
        assertEquals(
                new DisplayStatus(DisplayState.DEPENDS, Severity.WARNING, "Top:Net:A"),
                graph.state(b).orElseThrow().display(),
                "inherited from the group");
        assertEquals(DisplayState.DEPENDS, shown(web));
        assertTrue(graph.links().problems().stream().anyMatch(p -> p.contains("Top:Nowhere")));

        Outcome back = check(a, up(), T0.plusSeconds(10));
        assertTrue(ids(back.changes()).contains(b), "re-evaluated when the dependency came back");
        assertEquals(
                new DisplayStatus(DisplayState.DOWN, Severity.CRITICAL, null),
                graph.state(b).get().display());
    }

    @Test
    void sinceMovesOnlyWithTheOwnStatus() {
        check(a, up(), T0);
        check(a, down(Severity.MAJOR), T0.plusSeconds(10));
        Instant since = graph.state(net).orElseThrow().since();
        assertEquals(T0.plusSeconds(10), since);
        check(a, down(Severity.CRITICAL), T0.plusSeconds(20));
        assertEquals(since, graph.state(net).get().since());
    }

    @Test
    void reloadForgetsDeletedObjects() {
        check(a, down(Severity.MAJOR), T0);
        graph.override(a, new UserOverride("bob", "x", T0, null, OverrideMode.MANUAL, null, false), T0);
        trees.remove(a);
        graph.reload(trees.build(), T0.plusSeconds(1));
        assertTrue(graph.state(a).isEmpty());
        assertTrue(graph.override(a).isEmpty());
        assertEquals(DisplayState.UP, shown(net), "now empty");
    }

    @Test
    void restoredStatesNeedNoFirstCheck() {
        ObjectState down = new ObjectState(
                Status.DOWN,
                Severity.MAJOR,
                new DisplayStatus(DisplayState.DOWN, Severity.MAJOR, null),
                "refused",
                T0,
                false);
        StatusGraph restarted = new StatusGraph();
        restarted.reload(trees.build(), T0);
        restarted.restore(Map.of(a, down), Map.of(), T0.plusSeconds(100));
        assertEquals(down, restarted.state(a).orElseThrow());
        assertEquals(Status.DOWN, restarted.state(net).orElseThrow().status());
        assertEquals(
                new ServiceStatus(Status.DOWN, 0, Severity.MAJOR, T0, "refused"),
                restarted.service(a).get());
    }

    /**
     * Issue 16: a server of a master pair that was active before and takes over again goes on from what the other
     * one stored, not from its own last statuses, or its next check would log a change from a state the log left.
     */
    @Test
    void aResyncReplacesTheServicesOwnLastStatuses() {
        graph.reload(trees.build(), T0);
        check(a, up(), T0);
        ObjectState down = new ObjectState(
                Status.DOWN,
                Severity.MAJOR,
                new DisplayStatus(DisplayState.DOWN, Severity.MAJOR, null),
                "refused",
                T0.plusSeconds(50),
                false);
        graph.resync(Map.of(a, down), Map.of(), T0.plusSeconds(100));
        assertEquals(Status.DOWN, graph.state(a).orElseThrow().status());
        assertEquals(
                new ServiceStatus(Status.DOWN, 0, Severity.MAJOR, T0.plusSeconds(50), "refused"),
                graph.service(a).orElseThrow());
    }

    @Test
    void countsStopAtCountstop() {
        long inner = trees.group(web, "Inner");
        trees.service(inner, "X");
        trees.service(inner, "Y");
        graph.reload(trees.build(), T0);
        check(b, up(), T0);
        assertEquals(Map.of("up", 1, "unknown", 3), counts());
        trees.param(inner, "countstop", "yes");
        graph.reload(trees.build(), T0);
        assertEquals(Map.of("up", 1, "unknown", 2), counts());
    }

    /** A probe's result and the writer's next round: the service, then what it changes further out. */
    private Outcome check(long id, ServiceStatus status, Instant now) {
        Outcome own = graph.serviceChecked(id, status, now);
        Outcome further = graph.settle(now);
        List<StateChange> changes = new java.util.ArrayList<>(own.changes());
        changes.addAll(further.changes());
        List<EndedOverride> ended = new java.util.ArrayList<>(own.ended());
        ended.addAll(further.ended());
        return new Outcome(changes, ended);
    }

    @Test
    void whatAProbeChangesFurtherOutWaitsForSettle() {
        Outcome own = graph.serviceChecked(a, up(), T0);
        assertEquals(List.of(a), ids(own.changes()));
        assertTrue(graph.state(net).isEmpty());
        assertEquals(List.of(net, Trees.TOP), ids(graph.settle(T0).changes()));
        assertTrue(graph.settle(T0).isEmpty());
    }

    private Map<String, Integer> counts() {
        return StatusCounts.under(graph.tree().top(), id -> graph.state(id).orElse(null));
    }

    private DisplayState shown(long id) {
        return graph.state(id).orElseThrow().display().state();
    }

    private static List<Long> ids(List<StateChange> changes) {
        return changes.stream().map(StateChange::objectId).toList();
    }

    private static ServiceStatus up() {
        return new ServiceStatus(Status.UP, 0, Severity.CLEAR, T0, null);
    }

    private static ServiceStatus down(Severity severity) {
        return new ServiceStatus(Status.DOWN, 3, severity, T0, "connection refused");
    }
}
