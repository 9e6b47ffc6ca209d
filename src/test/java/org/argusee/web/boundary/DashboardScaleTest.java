package org.argusee.web.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.argusee.status.boundary.StatusBoard;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.web.control.Viewer;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's answers at 100,000 services (100 groups of 10 hosts of 100 services), all unknown, which is the
 * worst case for the summary (every object is a problem), and one group hidden from a user by acl_user.
 */
class DashboardScaleTest {

    private static final Logger LOG = Logger.getLogger(DashboardScaleTest.class.getName());

    @Test
    void answersStayFastAndBoundedAtAHundredThousandServices() {
        List<ObjectRow> rows = new ArrayList<>();
        rows.add(new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0));
        long id = 2;
        for (int g = 0; g < 100; g++) {
            long group = id++;
            rows.add(new ObjectRow(group, 1L, ObjectKind.GROUP, "g" + g, null, null, g));
            for (int h = 0; h < 10; h++) {
                long host = id++;
                rows.add(new ObjectRow(host, group, ObjectKind.HOST, "h" + g + "_" + h, null, null, h));
                for (int s = 0; s < 100; s++) {
                    rows.add(new ObjectRow(id++, host, ObjectKind.SERVICE, "svc" + s, "TCP/HTTP", null, s));
                }
            }
        }
        TreeSnapshot tree = TreeSnapshot.build(
                1, rows, List.of(new ParamRow(2, "acl_user", "-ALL root", false, 0)), ParameterCatalog.standard());
        Dashboard dashboard = new Dashboard();
        dashboard.rows = new DashboardRows();
        dashboard.rows.board = new StatusBoard();
        dashboard.viewers = new Viewers();
        Viewer admin = new Viewer("root", Set.of("admin"));
        Viewer user = new Viewer("carol", Set.of("user"));

        dashboard.summary(tree, admin, 200, 0); // warm up
        long start = System.nanoTime();
        DashboardResource.Summary summary = dashboard.summary(tree, admin, 200, 0);
        long summaryMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        DashboardResource.Children top = dashboard.children(tree, admin, "Top", null, null, 1000, 0);
        long childrenMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        DashboardResource.Children search = dashboard.children(tree, user, "Top", "svc9", null, 1000, 0);
        long searchMs = (System.nanoTime() - start) / 1_000_000;
        dashboard.summary(tree, user, 200, 0); // warm up the restricted viewer's (Top is above a hidden group)
        start = System.nanoTime();
        DashboardResource.Summary restricted = dashboard.summary(tree, user, 200, 0);
        long restrictedMs = (System.nanoTime() - start) / 1_000_000;
        LOG.info(() -> "At 100,000 services: summary " + summaryMs + " ms, children of Top " + childrenMs
                + " ms, search " + searchMs + " ms, summary of a user with one group hidden " + restrictedMs + " ms");
        assertEquals(99_000, restricted.counts().get("unknown"));

        assertEquals(200, summary.problems().size());
        assertEquals(tree.size() - 1, summary.problemsTotal());
        assertEquals(100_000, summary.counts().get("unknown"));
        assertEquals(100, top.children().size());
        assertEquals(500, search.children().size());
        assertTrue(search.truncated());
        assertTrue(search.children().stream().noneMatch(r -> r.fullName().startsWith("Top:g0:")), "g0 is hidden");
        assertEquals(99_000, dashboard.summary(tree, user, 10, 0).counts().get("unknown"));
        // the counts of the one walk are those of a walk per group
        var seen = dashboard.rows.seen(dashboard.viewers.visibility(tree, user));
        for (var row : restricted.problems()) {
            if (row.counts() != null) {
                assertEquals(
                        dashboard.rows.counts(tree.find(row.fullName()).orElseThrow(), seen),
                        row.counts(),
                        row.fullName());
            }
        }
        // the times are logged for docs/benchmarks.md, not asserted: a test does not judge speed on a shared machine
    }
}
