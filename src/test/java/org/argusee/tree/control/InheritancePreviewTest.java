package org.argusee.tree.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Logger;
import org.argusee.tree.control.InheritancePreview.Change;
import org.argusee.tree.control.InheritancePreview.Preview;
import org.junit.jupiter.api.Test;

class InheritancePreviewTest {

    private final TreeRows rows = TreeRows.withTop();
    private final ParameterCatalog catalog = ParameterCatalog.standard();

    @Test
    void aGroupsFrequencyReachesTheServicesThatDoNotSetTheirOwn() {
        long group = rows.group(1, "Servers");
        long host = rows.host(group, "mail");
        rows.service(host, "TCP/SMTP", "SMTP");
        long own = rows.service(host, "Ping", "Ping");
        rows.param(1, "frequency", "60").param(own, "frequency", "30");
        TreeSnapshot tree = rows.build();
        TreeNode g = tree.byId(group).orElseThrow();

        Preview p = InheritancePreview.of(
                g, ParameterEdits.with(g.usableParameters(), "frequency", "20", false), null, null, catalog, 100);

        assertEquals(
                List.of(
                        new Change("Top:Servers", "frequency", "60", "20", "Top:Servers"),
                        new Change("Top:Servers:mail", "frequency", "60", "20", "Top:Servers"),
                        new Change("Top:Servers:mail:SMTP", "frequency", "60", "20", "Top:Servers")),
                p.changes());
        assertEquals(3, p.objects());
        assertEquals("Top:Servers", p.newFullName());
    }

    @Test
    void aLocalValueChangesOnlyTheObjectItself() {
        long group = rows.group(1, "Servers");
        rows.service(group, "Ping", "Ping");
        TreeSnapshot tree = rows.build();
        TreeNode g = tree.byId(group).orElseThrow();

        Preview p = InheritancePreview.of(
                g, ParameterEdits.with(g.usableParameters(), "frequency", "20", true), null, null, catalog, 100);

        assertEquals(List.of(new Change("Top:Servers", "frequency", null, "20", "Top:Servers")), p.changes());
    }

    @Test
    void aMoveListsWhatTheNewParentPassesDown() {
        long a = rows.group(1, "A");
        long b = rows.group(1, "B");
        long host = rows.host(a, "h");
        rows.service(host, "Ping", "Ping");
        rows.param(a, "frequency", "60").param(b, "frequency", "10").param(b, "timeout", "5");
        TreeSnapshot tree = rows.build();

        Preview p = InheritancePreview.of(
                tree.byId(host).orElseThrow(), null, tree.byId(b).orElseThrow(), null, catalog, 100);

        assertEquals("Top:B:h", p.newFullName());
        assertEquals(2, p.objects());
        assertEquals(4, p.total());
        assertTrue(p.changes().contains(new Change("Top:A:h:Ping", "frequency", "60", "10", "Top:B")));
        assertTrue(p.changes().contains(new Change("Top:A:h:Ping", "timeout", null, "5", "Top:B")));
    }

    @Test
    void theListStopsAtTheLimitAndCountsTheRest() {
        long group = rows.group(1, "G");
        for (int i = 0; i < 5; i++) {
            rows.service(group, "Ping", "Ping" + i);
        }
        TreeSnapshot tree = rows.build();
        TreeNode g = tree.byId(group).orElseThrow();

        Preview p = InheritancePreview.of(
                g, ParameterEdits.with(g.usableParameters(), "frequency", "20", false), null, null, catalog, 2);

        assertEquals(2, p.changes().size());
        assertEquals(6, p.total());
        assertTrue(p.truncated());
    }

    /** A change at Top reaching all of 100,000 objects: how long the preview takes is logged, not asserted. */
    @Test
    void aChangeAtTopOfAHundredThousandObjects() {
        for (int g = 0; g < 100; g++) {
            long group = rows.group(1, "group" + g);
            for (int h = 0; h < 100; h++) {
                long host = rows.host(group, "host" + g + "." + h);
                for (int s = 0; s < 9; s++) {
                    long service = rows.service(host, "TCP", "TCP_" + s);
                    rows.param(service, "port", Integer.toString(1000 + s)).param(service, "timeout", "30");
                }
            }
        }
        TreeSnapshot tree = rows.build();
        TreeNode top = tree.top();
        long start = System.nanoTime();
        Preview p = InheritancePreview.of(
                top, ParameterEdits.with(top.usableParameters(), "graph", "yes", false), null, null, catalog, 2000);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Logger.getLogger(InheritancePreviewTest.class.getName())
                .info(() -> "preview of a change at Top over " + tree.size() + " objects: " + millis + " ms");
        assertEquals(tree.size(), p.objects());
        assertEquals(2000, p.changes().size());
        assertTrue(p.truncated());
    }

    @Test
    void renamingAHostChangesItsServicesHostname() {
        long host = rows.host(1, "old");
        rows.service(host, "Ping", "Ping");
        TreeSnapshot tree = rows.build();

        Preview p = InheritancePreview.of(tree.byId(host).orElseThrow(), null, null, "new", catalog, 100);

        assertEquals(
                List.of(
                        new Change("Top:old", "hostname", "old", "new", "Top:new"),
                        new Change("Top:old:Ping", "hostname", "old", "new", "Top:new")),
                p.changes());
    }
}
