package org.argusee.darp.control.duty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.argusee.darp.control.duty.SlaveObjects.Selection;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.Test;

class SlaveObjectsTest {

    private static final DarpTopology MASTER = new DarpTopology("m", Set.of(), Set.of("s1", "s2"));

    private static List<String> names(TreeSnapshot tree, Selection selection) {
        return selection.ids().stream()
                .map(id -> tree.byId(id).orElseThrow().fullName())
                .toList();
    }

    @Test
    void servicesTaggedForTheSlaveWithEveryGroupAboveThemParentsFirst() {
        Rows rows = new Rows();
        long dist = rows.group(Rows.TOP, "Dist");
        rows.param(dist, "darp_mode", "distributed");
        long web = rows.host(dist, "web");
        rows.service(web, "Ping", "Ping");
        rows.service(web, "TCP/HTTP", "HTTP");
        long only2 = rows.group(dist, "Only2");
        rows.param(only2, "darp_tags", "s2");
        rows.service(only2, "Ping", "Ping2");
        long none = rows.group(Rows.TOP, "NotDarp");
        rows.service(none, "Ping", "Ping3");
        rows.group(dist, "Empty");
        TreeSnapshot tree = rows.build();

        assertEquals(
                List.of("Top", "Top:Dist", "Top:Dist:web", "Top:Dist:web:Ping", "Top:Dist:web:HTTP"),
                names(tree, SlaveObjects.select(tree, "s1", MASTER)));
        assertEquals(
                List.of(
                        "Top",
                        "Top:Dist",
                        "Top:Dist:web",
                        "Top:Dist:web:Ping",
                        "Top:Dist:web:HTTP",
                        "Top:Dist:Only2",
                        "Top:Dist:Only2:Ping2"),
                names(tree, SlaveObjects.select(tree, "s2", MASTER)));
    }

    @Test
    void darpWatchAndSelfServicesAreNeverSent() {
        Rows rows = new Rows();
        rows.param(Rows.TOP, "darp_mode", "redundant");
        long watch = rows.group(Rows.TOP, "Watch");
        rows.service(watch, "DARP/Watch/s1", "W1");
        rows.service(watch, "DARP/WATCH/s2", "W2");
        long self = rows.group(Rows.TOP, "Self");
        rows.service(self, "Self", "S");
        rows.service(self, "Self/tested", "T");
        long real = rows.group(Rows.TOP, "Real");
        rows.service(real, "TCP/SMTP", "SMTP");
        TreeSnapshot tree = rows.build();
        assertEquals(List.of(), tree.problems());
        assertEquals(List.of("Top", "Top:Real", "Top:Real:SMTP"), names(tree, SlaveObjects.select(tree, "s1", MASTER)));
    }

    @Test
    void modeAndTagsAreInheritedAndALocalOneStaysOnItsObject() {
        Rows rows = new Rows();
        rows.param(Rows.TOP, "darp_mode", "failover");
        long a = rows.group(Rows.TOP, "A");
        rows.service(a, "Ping", "P");
        long b = rows.group(Rows.TOP, "B");
        rows.param(b, "darp_mode", "none");
        rows.service(b, "Ping", "P");
        long c = rows.group(Rows.TOP, "C");
        rows.param(c, "darp_tags", "MASTERS");
        long c1 = rows.service(c, "Ping", "P");
        rows.local(c1, "darp_tags", "s1");
        rows.service(c, "TCP/SSH", "SSH");
        TreeSnapshot tree = rows.build();
        assertEquals(
                List.of("Top", "Top:A", "Top:A:P", "Top:C", "Top:C:P"),
                names(tree, SlaveObjects.select(tree, "s1", MASTER)));
        assertEquals(List.of("Top", "Top:A", "Top:A:P"), names(tree, SlaveObjects.select(tree, "s2", MASTER)));
    }

    @Test
    void anAliasIsSentWhenItsTargetIsSent() {
        Rows rows = new Rows();
        rows.param(Rows.TOP, "darp_mode", "distributed");
        long g = rows.group(Rows.TOP, "G");
        rows.service(g, "Ping", "P");
        long h = rows.group(Rows.TOP, "H");
        rows.param(h, "darp_tags", "s2");
        rows.service(h, "Ping", "Q");
        long views = rows.group(Rows.TOP, "Views");
        rows.alias(views, "toP", "Top:G:P");
        rows.alias(views, "toQ", "Top:H:Q");
        TreeSnapshot tree = rows.build();
        assertEquals(
                List.of("Top", "Top:G", "Top:G:P", "Top:Views", "Top:Views:toP"),
                names(tree, SlaveObjects.select(tree, "s1", MASTER)));
    }

    @Test
    void onlyTheMastersSlavesCanAsk() {
        TreeSnapshot tree = new Rows().build();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SlaveObjects.select(tree, "s9", MASTER));
        assertEquals("'s9' is not a slave of DARP server 'm'", e.getMessage());
        assertEquals(List.of(), SlaveObjects.select(tree, "s1", MASTER).ids(), "nothing tagged: not even Top");
    }

    /**
     * 100,000 services, 20 groups deep: the walk looks at each object once, climbs through each group at most
     * once (not once per service below it: that would be 2,000,000 steps) and parses each distinct tag list once.
     */
    @Test
    void workIsLinearInTheTreeSize() {
        Rows rows = new Rows();
        rows.param(Rows.TOP, "darp_mode", "distributed");
        int groups = 0;
        int services = 0;
        List<Long> leaves = new ArrayList<>();
        for (int branch = 0; branch < 50; branch++) {
            long parent = rows.group(Rows.TOP, "b" + branch);
            groups++;
            for (int depth = 1; depth < 20; depth++) {
                parent = rows.group(parent, "d" + depth);
                groups++;
            }
            leaves.add(parent);
        }
        for (int i = 0; i < 100_000; i++) {
            long leaf = leaves.get(i % leaves.size());
            long svc = rows.service(leaf, "Ping", "p" + i);
            services++;
            if (i % 3 == 0) {
                rows.local(svc, "darp_tags", "s2 m");
            }
        }
        TreeSnapshot tree = rows.build();
        assertEquals(1 + groups + services, tree.size());

        Selection s1 = SlaveObjects.select(tree, "s1", MASTER);
        assertEquals(tree.size(), s1.examined());
        assertEquals(groups + 1, s1.climbed(), "every group and Top climbed through once");
        assertEquals(2, s1.parsed(), "SLAVES and 's2 m'");
        int forS1 = services - (services + 2) / 3;
        assertEquals(1 + groups + forS1, s1.ids().size());
        assertTrue(s1.ids().size() < tree.size());
        Selection s2 = SlaveObjects.select(tree, "s2", MASTER);
        assertEquals(tree.size(), s2.ids().size(), "every object");
    }

    @Test
    void climbingStopsAtTheFirstAncestorAlreadyTaken() {
        Rows rows = new Rows();
        rows.param(Rows.TOP, "darp_mode", "redundant");
        long deep = Rows.TOP;
        for (int i = 0; i < 10; i++) {
            deep = rows.group(deep, "g" + i);
        }
        for (int i = 0; i < 100; i++) {
            rows.service(deep, "Ping", "p" + i);
        }
        TreeSnapshot tree = rows.build();
        Selection s = SlaveObjects.select(tree, "s1", MASTER);
        assertEquals(11, s.climbed(), "ten groups and Top, once");
        TreeNode last = tree.find("Top:g0:g1:g2:g3:g4:g5:g6:g7:g8:g9:p99").orElseThrow();
        assertEquals(last.id(), s.ids().get(s.ids().size() - 1));
    }
}
