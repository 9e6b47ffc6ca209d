package org.argusee.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import org.argusee.tree.control.LoadedRows;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * How long a full rebuild of the tree snapshot takes, and its heap, for a tree shaped like a large site:
 * groups of 100 hosts with 10 services each, parameters at every level. Run by bench/tree-snapshot.sh.
 * Every configuration change (API or SQL) costs one such rebuild.
 */
public final class TreeSnapshotBench {

    private static final Logger LOG = Logger.getLogger(TreeSnapshotBench.class.getName());

    private TreeSnapshotBench() {}

    public static void main(String[] args) {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<ObjectRow> objects = new ArrayList<>();
        List<ParamRow> params = new ArrayList<>();
        generate(services, objects, params);
        ParameterCatalog catalog = ParameterCatalog.standard();

        long[] millis = new long[rounds];
        TreeSnapshot snapshot = null;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            snapshot = TreeSnapshot.build(i, objects, params, catalog);
            // touch what readers use: every full name and effective map
            long touched = snapshot.nodes()
                    .mapToLong(
                            n -> n.fullName().length() + n.effectiveParameters().size())
                    .sum();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            if (touched == 0) {
                throw new IllegalStateException("empty snapshot");
            }
        }
        long heapBefore = usedHeap();
        TreeSnapshot kept = TreeSnapshot.build(rounds, objects, params, catalog);
        kept.nodes().forEach(TreeNode::fullName);
        long heapAfter = usedHeap();
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        String report = String.format(
                Locale.ROOT,
                "objects=%d params=%d problems=%d rounds=%d first=%d ms median=%d ms best=%d ms snapshot heap=%.1f MB",
                kept.size(),
                params.size(),
                snapshot.problems().size(),
                rounds,
                millis[0],
                sorted[rounds / 2],
                sorted[0],
                (heapAfter - heapBefore) / 1e6);
        LOG.info(report);
        changes(objects, params, catalog, rounds);
    }

    /**
     * A snapshot built from the previous one after a change (issue 17), as the tree cache builds it after a write
     * through the API: one service added under the first host, its parameter edited, the service deleted, then 1,000
     * services (a group of 100 hosts) added and that group deleted. Prints the median of each.
     */
    private static void changes(List<ObjectRow> objects, List<ParamRow> params, ParameterCatalog catalog, int rounds) {
        LoadedRows rows = new LoadedRows(objects, params);
        TreeSnapshot[] tree = {rows.build(0, catalog)};
        long host = objects.stream()
                .filter(o -> o.kind() == ObjectKind.HOST)
                .findFirst()
                .orElseThrow()
                .id();
        long fresh = objects.size() + 10;
        String[] names = {"add", "edit", "delete", "add 1,000", "delete 1,000"};
        long[][] micros = new long[names.length][rounds];
        int patched = 0;
        for (int r = 0; r < rounds; r++) {
            long service = fresh++;
            List<ObjectRow> one =
                    List.of(new ObjectRow(service, host, ObjectKind.SERVICE, "TCP_9" + r, "TCP", null, 99));
            List<ObjectRow> group = new ArrayList<>();
            List<ParamRow> groupParams = new ArrayList<>();
            fresh = generateGroup(fresh, group, groupParams);
            Set<Long> groupIds = new HashSet<>();
            group.forEach(o -> groupIds.add(o.id()));
            Object[][] steps = {
                {Set.of(service), one, List.of(new ParamRow(service, "port", "25", false, 0))},
                {Set.of(service), one, List.of(new ParamRow(service, "port", "587", false, 0))},
                {Set.of(service), List.of(), List.of()},
                {groupIds, group, groupParams},
                {groupIds, List.of(), List.of()}
            };
            for (int i = 0; i < steps.length; i++) {
                @SuppressWarnings("unchecked")
                Set<Long> ids = (Set<Long>) steps[i][0];
                @SuppressWarnings("unchecked")
                List<ObjectRow> o = (List<ObjectRow>) steps[i][1];
                @SuppressWarnings("unchecked")
                List<ParamRow> p = (List<ParamRow>) steps[i][2];
                long start = System.nanoTime();
                rows.patch(ids, o, p);
                tree[0] = rows.rebuild(tree[0], ids, tree[0].revision() + 1, catalog);
                micros[i][r] = (System.nanoTime() - start) / 1_000;
                patched += rows.lastPatched() ? 1 : 0;
            }
        }
        StringBuilder b = new StringBuilder("built from the previous one (median of " + rounds + ", patched " + patched
                + " of " + rounds * names.length + "):");
        for (int i = 0; i < names.length; i++) {
            long[] sorted = micros[i].clone();
            Arrays.sort(sorted);
            b.append(String.format(Locale.ROOT, " %s %.2f ms;", names[i], sorted[rounds / 2] / 1000.0));
        }
        LOG.info(b.toString());
    }

    /** A group under Top with 100 hosts of 10 services each, ids from {@code id}; returns the next free id. */
    static long generateGroup(long id, List<ObjectRow> objects, List<ParamRow> params) {
        long group = id++;
        objects.add(new ObjectRow(group, 1L, ObjectKind.GROUP, "change" + group, null, null, 5000));
        params.add(new ParamRow(group, "frequency", "2m", false, 0));
        for (int h = 0; h < 100; h++) {
            long host = id++;
            objects.add(new ObjectRow(host, group, ObjectKind.HOST, "c" + host + ".example.com", null, null, h));
            params.add(new ParamRow(host, "retries", "3", false, 0));
            for (int s = 0; s < 10; s++) {
                long service = id++;
                objects.add(new ObjectRow(service, host, ObjectKind.SERVICE, "TCP_" + s, "TCP", null, s));
                params.add(new ParamRow(service, "port", String.valueOf(1000 + s), false, 0));
            }
        }
        return id;
    }

    static void generate(int services, List<ObjectRow> objects, List<ParamRow> params) {
        long id = 1;
        objects.add(new ObjectRow(id, null, ObjectKind.TOP, "Top", null, null, 0));
        params.add(new ParamRow(1, "notify", "mail:ops@example.com", false, 0));
        int hosts = Math.max(1, services / 10);
        long group = 0;
        long host = 0;
        for (int h = 0; h < hosts; h++) {
            if (h % 100 == 0) {
                group = ++id;
                objects.add(new ObjectRow(group, 1L, ObjectKind.GROUP, "site" + h / 100, null, null, h / 100));
                params.add(new ParamRow(group, "frequency", "2m", false, 0));
                params.add(new ParamRow(group, "label", "Site " + h / 100, true, 1));
            }
            host = ++id;
            objects.add(new ObjectRow(host, group, ObjectKind.HOST, "h" + h + ".example.com", null, null, h % 100));
            params.add(new ParamRow(host, "retries", "3", false, 0));
            for (int s = 0; s < 10; s++) {
                long service = ++id;
                objects.add(new ObjectRow(
                        service, host, ObjectKind.SERVICE, "TCP_" + (1000 + s) + "_h" + h, "TCP", null, s));
                params.add(new ParamRow(service, "port", String.valueOf(1000 + s), false, 0));
                params.add(new ParamRow(service, "expect", "^OK", false, 1));
            }
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
