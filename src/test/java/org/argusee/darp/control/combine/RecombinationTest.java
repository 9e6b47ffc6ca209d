package org.argusee.darp.control.combine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.Test;

/** Which services a master combines, and which it combines again when a slave connects or disconnects. */
class RecombinationTest {

    private static final DarpTopology MASTER = new DarpTopology("m", Set.of(), Set.of("s1", "s2"));

    private final List<ObjectRow> objects =
            new ArrayList<>(List.of(new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0)));
    private final List<ParamRow> params = new ArrayList<>();

    private long add(long parent, ObjectKind kind, String name, String type) {
        long id = objects.size() + 1;
        objects.add(new ObjectRow(id, parent, kind, name, type, null, objects.size()));
        return id;
    }

    private long group(String name, String... p) {
        long g = add(1, ObjectKind.GROUP, name, null);
        for (int i = 0; i < p.length; i += 2) {
            params.add(new ParamRow(g, p[i], p[i + 1], false, params.size()));
        }
        return add(g, ObjectKind.SERVICE, "TCP_" + name, "TCP");
    }

    private TreeSnapshot tree() {
        return TreeSnapshot.build(1, objects, params, ParameterCatalog.standard());
    }

    @Test
    void aMasterCombinesDistributedAndRedundantServicesWithAGravityOtherThanSelf() {
        long none = group("None");
        long failover = group("Failover", "darp_mode", "failover");
        long dist = group("Dist", "darp_mode", "distributed");
        long red = group("Red", "darp_mode", "REDUNDANT", "darp_gravity", "vote");
        long self = group("Self", "darp_mode", "redundant", "darp_gravity", "self");
        long ietf = group("Ietf", "darp_mode", "redundant", "darp_gravity", "ietf", "darp_tags", "m s2");
        TreeSnapshot t = tree();

        assertEquals(List.of(dist, red, ietf), Recombination.combinedIn(t, MASTER));
        assertEquals(
                List.of(),
                Recombination.combinedIn(t, new DarpTopology("m", Set.of("boss"), Set.of())),
                "a server with no slaves has no reports to combine");
        assertTrue(
                Recombination.combined(t.parent(t.byId(dist).orElseThrow()), MASTER)
                        .isEmpty(),
                "groups are worked out from their children, not combined");
        assertTrue(Recombination.combined(t.byId(none).orElseThrow(), MASTER).isEmpty());
        assertTrue(
                Recombination.combined(t.byId(failover).orElseThrow(), MASTER).isEmpty());
        assertTrue(Recombination.combined(t.byId(self).orElseThrow(), MASTER).isEmpty());
    }

    @Test
    void aLinkChangeRecombinesOnlyTheIetfServicesThatNameTheSlave() {
        long down = group("Down", "darp_mode", "redundant");
        long ietfAll = group("IetfAll", "darp_mode", "redundant", "darp_gravity", "ietf");
        long ietfS2 = group("IetfS2", "darp_mode", "distributed", "darp_gravity", "ietf", "darp_tags", "s2");
        long ietfSlaves = group("IetfSlaves", "darp_mode", "distributed", "darp_gravity", "ietf");
        long gone = 999;
        TreeSnapshot t = tree();
        List<Long> candidates = List.of(down, ietfAll, ietfS2, ietfSlaves, gone);

        assertEquals(List.of(ietfAll, ietfSlaves), Recombination.onLinkChange(t, candidates, "s1", MASTER));
        assertEquals(List.of(ietfAll, ietfS2, ietfSlaves), Recombination.onLinkChange(t, candidates, "s2", MASTER));
    }

    @Test
    void theBookKeepsTheLastReportOfEachServerPerObject() {
        ReportBook book = new ReportBook();
        Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
        book.put(7, new LastReport("s2", Status.DOWN, Severity.MAJOR, "timeout", false, t0));
        book.put(7, new LastReport("s1", Status.UP, Severity.CLEAR, null, false, t0));
        book.put(7, new LastReport("s2", Status.UP, Severity.CLEAR, null, false, t0.plusSeconds(1)));
        book.put(8, new LastReport("s1", Status.DOWN, Severity.MINOR, "x", true, t0));

        assertEquals(List.of("s1", "s2"), List.copyOf(book.of(7).keySet()), "in tag order");
        assertEquals(Status.UP, book.of(7).get("s2").status(), "the newer report replaces the older");
        assertEquals(Set.of(7L, 8L), book.objects());
        book.retain(id -> id == 8);
        assertEquals(Set.of(8L), book.objects());
        assertEquals(
                org.argusee.darp.control.combine.DarpState.OVERRIDE,
                book.of(8).get("s1").state());
        assertTrue(book.of(7).isEmpty());
    }
}
