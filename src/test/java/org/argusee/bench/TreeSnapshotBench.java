package org.argusee.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
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
    }

    private static void generate(int services, List<ObjectRow> objects, List<ParamRow> params) {
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
