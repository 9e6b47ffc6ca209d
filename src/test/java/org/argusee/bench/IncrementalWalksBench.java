package org.argusee.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import org.argusee.darp.control.combine.CombinedServices;
import org.argusee.darp.control.combine.Recombination;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.tree.control.LoadedRows;
import org.argusee.tree.control.NewProblems;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;

/**
 * What a change's path spends on the two walks of the whole tree issue 17 took out of it, whole and from the changed
 * objects: the new problems to log ({@link NewProblems}) and a DARP master's combined services ({@link
 * CombinedServices} against {@link Recombination#combinedIn}). The tree is {@link TreeSnapshotBench}'s, with one
 * alias (as the quick start's sample has: then every node may have a problem) and one site of 1,000 services a master
 * combines; the changes are its 1,000-service group added and deleted, and one service added and deleted, each a
 * snapshot built from the previous one. Run by bench/incremental-walks.sh; prints the median of each.
 */
public final class IncrementalWalksBench {

    private static final Logger LOG = Logger.getLogger(IncrementalWalksBench.class.getName());
    private static final DarpTopology MASTER = new DarpTopology("m", Set.of(), Set.of("s1", "s2"));

    private IncrementalWalksBench() {}

    public static void main(String[] args) {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        List<ObjectRow> objects = new ArrayList<>();
        List<ParamRow> params = new ArrayList<>();
        TreeSnapshotBench.generate(services, objects, params);
        long site = objects.stream()
                .filter(o -> o.kind() == ObjectKind.GROUP)
                .findFirst()
                .orElseThrow()
                .id();
        params.add(new ParamRow(site, "darp_mode", "redundant", false, 9));
        long fresh = objects.size() + 10;
        objects.add(new ObjectRow(fresh++, site, ObjectKind.ALIAS, "alias", null, "Top:nowhere", 0));
        ParameterCatalog catalog = ParameterCatalog.standard();
        LoadedRows rows = new LoadedRows(objects, params);
        TreeSnapshot tree = rows.build(0, catalog);
        CombinedServices combined = new CombinedServices();
        combined.in(tree, MASTER);
        long host = objects.stream()
                .filter(o -> o.kind() == ObjectKind.HOST)
                .findFirst()
                .orElseThrow()
                .id();
        String[] names = {"problems whole", "problems changed", "combined whole", "combined changed"};
        long[][] micros = new long[names.length][rounds * 4];
        int n = 0;
        for (int r = 0; r < rounds; r++) {
            List<ObjectRow> group = new ArrayList<>();
            List<ParamRow> groupParams = new ArrayList<>();
            long service = fresh++;
            fresh = TreeSnapshotBench.generateGroup(fresh, group, groupParams);
            Set<Long> groupIds = new HashSet<>();
            group.forEach(o -> groupIds.add(o.id()));
            List<ObjectRow> one =
                    List.of(new ObjectRow(service, host, ObjectKind.SERVICE, "TCP_9" + r, "TCP", null, 9));
            Object[][] steps = {
                {groupIds, group, groupParams}, {groupIds, List.of(), List.of()},
                {Set.of(service), one, List.of()}, {Set.of(service), List.of(), List.of()}
            };
            for (Object[] step : steps) {
                @SuppressWarnings("unchecked")
                Set<Long> ids = (Set<Long>) step[0];
                @SuppressWarnings("unchecked")
                List<ObjectRow> o = (List<ObjectRow>) step[1];
                @SuppressWarnings("unchecked")
                List<ParamRow> p = (List<ParamRow>) step[2];
                rows.patch(ids, o, p);
                TreeSnapshot next = rows.rebuild(tree, ids, tree.revision() + 1, catalog);
                if (!rows.lastPatched()) {
                    throw new IllegalStateException("not built from the previous one");
                }
                tree.problems(); // listed at the previous change already, as in the server
                long t0 = System.nanoTime();
                int whole = NewProblems.of(tree, next, ids, false).size();
                long t1 = System.nanoTime();
                int changed = NewProblems.of(tree, next, ids, true).size();
                long t2 = System.nanoTime();
                Set<Long> all = new HashSet<>(Recombination.combinedIn(next, MASTER));
                long t3 = System.nanoTime();
                combined.reloaded(tree, next, ids);
                Set<Long> some = combined.in(next, MASTER);
                long t4 = System.nanoTime();
                if (whole != changed || !all.equals(some)) {
                    throw new IllegalStateException("the two ways differ");
                }
                long[] took = {t1 - t0, t2 - t1, t3 - t2, t4 - t3};
                for (int i = 0; i < names.length; i++) {
                    micros[i][n] = took[i] / 1_000;
                }
                n++;
                tree = next;
            }
        }
        StringBuilder b = new StringBuilder(tree.size() + " objects, " + rounds * 4 + " changes (medians, best):");
        for (int i = 0; i < names.length; i++) {
            long[] sorted = micros[i].clone();
            Arrays.sort(sorted);
            b.append(String.format(
                    Locale.ROOT, " %s %.2f ms (%.2f);", names[i], sorted[n / 2] / 1000.0, sorted[0] / 1000.0));
        }
        LOG.info(b.toString());
    }
}
