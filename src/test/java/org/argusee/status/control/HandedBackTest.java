package org.argusee.status.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A DARP slave hands a failover service back to its master: it shows unknown again, not its last result. */
class HandedBackTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aServiceHandedBackIsUnknownAgainAndSoIsAGroupOfItAlone() {
        Trees trees = new Trees();
        long net = trees.group(Trees.TOP, "Net");
        long a = trees.service(net, "A");
        StatusGraph graph = new StatusGraph();
        graph.reload(trees.build(), T0);
        graph.serviceChecked(a, new ServiceStatus(Status.DOWN, 3, Severity.MAJOR, T0, "timeout"), T0);
        graph.settle(T0);
        assertEquals(Status.DOWN, graph.state(net).orElseThrow().status());

        Instant later = T0.plusSeconds(60);
        Outcome back = graph.serviceUnknown(a, later);
        assertEquals(1, back.changes().size());
        StateChange change = back.changes().get(0);
        assertEquals(a, change.objectId());
        assertNull(change.after(), "unknown, not the stale down");
        assertTrue(change.announced());
        assertTrue(graph.state(a).isEmpty());
        assertTrue(graph.service(a).isEmpty(), "a next takeover starts its status machine afresh");
        List<Long> further = graph.settle(later).changes().stream()
                .map(StateChange::objectId)
                .toList();
        assertEquals(List.of(net, Trees.TOP), further);
        assertTrue(graph.state(net).isEmpty(), "its group, of it alone, is unknown again too");
        assertTrue(graph.serviceUnknown(a, later).isEmpty(), "twice: nothing more");
    }
}
