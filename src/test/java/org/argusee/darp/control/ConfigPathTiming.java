package org.argusee.darp.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import org.argusee.argusconf.control.ImportPlan;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.darp.control.wire.ConfigDocuments;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;

/**
 * The in-memory steps of a slave's config after a change, timed (docs/benchmarks.md, "DARP: a slave's config after a
 * change"): the master building and writing the document, the slave reading it, making its tree and planning the
 * import against the old one. Not a test (no *Test name): run with {@code java -cp ... ConfigPathTiming 4000 20000}.
 */
public final class ConfigPathTiming {

    private static final Logger LOG = Logger.getLogger(ConfigPathTiming.class.getName());
    private static final DarpTopology MASTER = new DarpTopology("m", Set.of(), Set.of("s"));

    private ConfigPathTiming() {}

    public static void main(String[] args) throws Exception {
        for (String a : args.length == 0 ? new String[] {"4000", "20000"} : args) {
            run(Integer.parseInt(a));
        }
    }

    /** Hosts of ten TCP services each under Top:Big (distributed), ports from {@code base}. */
    static TreeSnapshot masterTree(int services, int base) {
        List<ObjectRow> objects = new ArrayList<>();
        List<ParamRow> params = new ArrayList<>();
        objects.add(new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0));
        objects.add(new ObjectRow(2, 1L, ObjectKind.GROUP, "Big", null, null, 0));
        params.add(new ParamRow(2, "darp_mode", "distributed", false, 0));
        params.add(new ParamRow(2, "frequency", "3600", false, 1));
        long id = 3;
        for (int h = 0; h < services / 10; h++) {
            long host = id++;
            objects.add(new ObjectRow(host, 2L, ObjectKind.HOST, "h" + h, null, null, h));
            params.add(new ParamRow(host, "hostname", "127.0.0.1", false, 0));
            for (int s = 0; s < 10; s++) {
                long service = id++;
                objects.add(new ObjectRow(service, host, ObjectKind.SERVICE, "s" + s, "TCP", null, s));
                params.add(new ParamRow(service, "port", String.valueOf(base + s), false, 0));
                params.add(new ParamRow(service, "uname", "s" + s, false, 1));
            }
        }
        return TreeSnapshot.build(1, objects, params, ParameterCatalog.standard());
    }

    static void run(int services) throws Exception {
        TreeSnapshot oldMaster = masterTree(services, 1000);
        TreeSnapshot newMaster = masterTree(services, 2000);
        ConfigDocument oldDoc = ServedConfig.build(oldMaster, MASTER, "s");
        TreeSnapshot slaveNow = FetchedTree.snapshot(oldDoc, List.of(), List.of(), ParameterCatalog.standard());
        String[] body = new String[1];
        ConfigDocument[] doc = new ConfigDocument[1];
        TreeSnapshot[] incoming = new TreeSnapshot[1];
        String build = time(() -> doc[0] = ServedConfig.build(newMaster, MASTER, "s"));
        String write = time(() -> body[0] = ConfigDocuments.write(doc[0]));
        String read = time(() -> ConfigDocuments.read(body[0]));
        String tree = time(
                () -> incoming[0] = FetchedTree.snapshot(doc[0], List.of(), List.of(), ParameterCatalog.standard()));
        String plan = time(() -> ImportPlan.between(slaveNow, incoming[0], ImportPlan.Mode.REPLACE));
        LOG.info(() -> services + " services, " + doc[0].objects().size() + " objects, " + body[0].length()
                + " bytes: master build (select + version) " + build + ", write " + write + "; slave read " + read
                + ", tree " + tree + ", plan " + plan + " (ms, median [min-max] of "
                + Integer.getInteger("timing.runs", 7) + " runs)");
    }

    private static String time(Callable<?> step) throws Exception {
        long[] ms = new long[Integer.getInteger("timing.runs", 7)];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            step.call();
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2] + " [" + ms[0] + "-" + ms[ms.length - 1] + "]";
    }
}
