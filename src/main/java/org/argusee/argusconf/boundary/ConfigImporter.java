package org.argusee.argusconf.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.argusee.argusconf.control.BlockPlan;
import org.argusee.argusconf.control.CheckedConfig;
import org.argusee.argusconf.control.ConfigBlock;
import org.argusee.argusconf.control.ImportPlan;
import org.argusee.argusconf.control.PeerSink;
import org.argusee.platform.control.ArgusException;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.boundary.TreeChanged;
import org.argusee.tree.boundary.TreeStore;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.tree.control.WrittenRows;
import org.hibernate.Session;

/**
 * Carries out an import in one transaction: all of it or nothing. The configuration revision row is locked first,
 * so a concurrent change (API or SQL) waits for the import instead of interleaving with it, and the plan is made
 * against the tree as it is under that lock.
 */
@Stateless
public class ConfigImporter {

    private static final Logger LOG = Logger.getLogger(ConfigImporter.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    TreeCache cache;

    @Inject
    TreeStore store;

    @Inject
    Event<TreeChanged> changed;

    @Inject
    PeerSink peers;

    /**
     * What an import did besides the objects: Method/Resolv/snmpoid/schedule/cron blocks changed, DARP peers added
     * and updated, and what the user should know.
     */
    public record Outcome(
            ImportPlan plan,
            List<String> blockChanges,
            List<String> peersAdded,
            List<String> peersUpdated,
            List<String> notes) {

        public boolean changesNothing() {
            return plan.changesNothing() && blockChanges.isEmpty() && peersAdded.isEmpty() && peersUpdated.isEmpty();
        }
    }

    /** The tree under {@code rootName} with its blocks, plus the DARP block's peers (added or updated, never deleted). */
    public Outcome importConfig(CheckedConfig checked, String rootName, ImportPlan.Mode mode, boolean dryRun) {
        Applied applied = apply(checked.tree(), checked.rows().blocks(), rootName, mode, dryRun);
        ImportPlan plan = applied.plan();
        List<String> blockChanges = applied.blockChanges();
        PeerSink.Peers darp = peers.put(checked.parsed(), dryRun);
        return new Outcome(plan, blockChanges, darp.added(), darp.updated(), darp.warnings());
    }

    /**
     * Objects only (a DARP slave's fetched tree): the non-object blocks where the tree lands are left as they are,
     * so a slave keeps its own Methods.
     */
    public ImportPlan importTree(TreeSnapshot incoming, String rootName, ImportPlan.Mode mode, boolean dryRun) {
        return apply(incoming, null, rootName, mode, dryRun).plan();
    }

    private record Applied(ImportPlan plan, List<String> blockChanges) {}

    /** @param fileBlocks the file's blocks by incoming object id; null leaves every stored block alone */
    private Applied apply(
            TreeSnapshot incoming,
            Map<Long, List<ConfigBlock>> fileBlocks,
            String rootName,
            ImportPlan.Mode mode,
            boolean dryRun) {
        long start = System.nanoTime();
        TreeSnapshot current = lockedCurrentTree();
        TreeNode root = root(current, rootName);
        long locked = System.nanoTime();
        ImportPlan plan = ImportPlan.between(current, root, incoming, mode);
        long planned = System.nanoTime();
        Map<Long, List<ConfigBlock>> blocks = new HashMap<>();
        List<String> blockChanges = List.of();
        if (fileBlocks != null) {
            // merge touches only the objects the file gives blocks; replace makes every object's blocks the file's
            Map<String, TreeNode> touched = new LinkedHashMap<>(); // by placed name, in the file's order
            incoming.nodes()
                    .filter(n -> mode == ImportPlan.Mode.REPLACE || fileBlocks.containsKey(n.id()))
                    .forEach(n -> touched.put(ImportPlan.placed(root, n), n));
            Map<String, List<ConfigBlock>> have = currentBlocks(current, touched.keySet());
            Map<String, List<ConfigBlock>> wanted = new LinkedHashMap<>(); // the report in the file's order
            touched.forEach((placed, n) -> {
                List<ConfigBlock> own = fileBlocks.getOrDefault(n.id(), List.of());
                List<ConfigBlock> old = have.getOrDefault(placed, List.of());
                List<ConfigBlock> result = mode == ImportPlan.Mode.REPLACE ? own : BlockPlan.merged(old, own);
                wanted.put(placed, own);
                if (!result.equals(old)) {
                    blocks.put(n.id(), result);
                }
            });
            blockChanges = BlockPlan.changes(have, wanted, mode);
        }
        if (!dryRun && !(plan.changesNothing() && blocks.isEmpty())) {
            Set<String> changedNames = new HashSet<>(plan.changed());
            WrittenRows inserted = em.unwrap(Session.class)
                    .doReturningWork(connection -> new ImportBatch(connection, current, root, mode)
                            .apply(incoming, plan.removed(), changedNames, blocks));
            // only the root's subtree was written: the cache re-reads just the rows it held, and takes the
            // inserted ones as written instead of reading them back (issue 17)
            changed.fire(new TreeChanged(
                    root.fullName(),
                    "imported",
                    Set.of(root.id()),
                    store.ownRevision().orElse(0),
                    inserted));
        }
        long written = System.nanoTime();
        LOG.info(() -> "Import of " + incoming.size() + " objects under " + rootName + ": lock and tree "
                + ms(locked - start) + " ms, plan " + ms(planned - locked) + " ms, blocks and SQL "
                + ms(written - planned) + " ms (commit and snapshot follow)");
        return new Applied(plan, blockChanges);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static TreeNode root(TreeSnapshot current, String rootName) {
        TreeNode root = current.find(rootName)
                .orElseThrow(() -> new ArgusException.NotFound("root", "no object named '" + rootName + "'"));
        if (root.kind() != ObjectKind.TOP && root.kind() != ObjectKind.GROUP && root.kind() != ObjectKind.HOST) {
            throw new ArgusException.Invalid(
                    "root", "'" + rootName + "' is a " + root.kind().label() + "; import into Top, a Group or a Host");
        }
        return root;
    }

    /** The blocks now of the objects the file will write, by full name. */
    /** The stored blocks of those objects (by full name) that exist now; none are loaded when none are asked for. */
    private Map<String, List<ConfigBlock>> currentBlocks(TreeSnapshot current, Collection<String> fullNames) {
        Map<Long, String> names = new HashMap<>();
        fullNames.forEach(name -> current.find(name).ifPresent(existing -> names.put(existing.id(), name)));
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<ConfigBlock>> byId = em.unwrap(Session.class)
                .doReturningWork(connection ->
                        new BlockRows(connection).load(names.keySet().toArray(Long[]::new)));
        Map<String, List<ConfigBlock>> byName = new HashMap<>();
        byId.forEach((id, blocks) -> byName.put(names.get(id), blocks));
        return byName;
    }

    private TreeSnapshot lockedCurrentTree() {
        long revision = ((Number)
                        em.createNativeQuery("select revision from argus.config_revision where id = 1 for update")
                                .getSingleResult())
                .longValue();
        TreeSnapshot snapshot = cache.snapshot();
        return snapshot.revision() == revision ? snapshot : store.load(cache.catalog());
    }
}
