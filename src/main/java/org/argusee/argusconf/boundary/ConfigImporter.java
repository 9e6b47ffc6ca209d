package org.argusee.argusconf.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.argusee.argusconf.control.CheckedConfig;
import org.argusee.argusconf.control.ImportPlan;
import org.argusee.darp.boundary.DarpPeers;
import org.argusee.platform.control.ArgusException;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.boundary.TreeChanged;
import org.argusee.tree.boundary.TreeStore;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.hibernate.Session;

/**
 * Carries out an import in one transaction: all of it or nothing. The configuration revision row is locked first,
 * so a concurrent change (API or SQL) waits for the import instead of interleaving with it, and the plan is made
 * against the tree as it is under that lock.
 */
@Stateless
public class ConfigImporter {

    @PersistenceContext
    EntityManager em;

    @Inject
    TreeCache cache;

    @Inject
    TreeStore store;

    @Inject
    Event<TreeChanged> changed;

    @Inject
    DarpPeers peers;

    /** What an import did besides the tree: DARP peers added and updated, and what the user should know. */
    public record Outcome(ImportPlan plan, List<String> peersAdded, List<String> peersUpdated, List<String> notes) {
    }

    /** The tree under {@code rootName}, plus the DARP block's peers (added or updated, never deleted). */
    public Outcome importConfig(CheckedConfig checked, String rootName, ImportPlan.Mode mode, boolean dryRun) {
        ImportPlan plan = importTree(checked.tree(), rootName, mode, dryRun);
        DarpBlockImport.Result darp = DarpBlockImport.read(checked.parsed());
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (DarpBlockImport.PeerSpec p : darp.peers()) {
            boolean isNew = dryRun ? !peers.exists(p.tag()) : peers.putFromConfig(p.tag(), p.role(), p.addresses(),
                    p.secret(), p.remoteUrl(), p.label(), p.hidden(), p.timeoutSeconds());
            (isNew ? added : updated).add(p.tag());
        }
        return new Outcome(plan, added, updated, darp.warnings());
    }

    public ImportPlan importTree(TreeSnapshot incoming, String rootName, ImportPlan.Mode mode, boolean dryRun) {
        TreeSnapshot current = lockedCurrentTree();
        TreeNode root = current.find(rootName)
                .orElseThrow(() -> new ArgusException.NotFound("root", "no object named '" + rootName + "'"));
        if (root.kind() != ObjectKind.TOP && root.kind() != ObjectKind.GROUP && root.kind() != ObjectKind.HOST) {
            throw new ArgusException.Invalid("root", "'" + rootName + "' is a " + root.kind().label()
                    + "; import into Top, a Group or a Host");
        }
        ImportPlan plan = ImportPlan.between(current, root, incoming, mode);
        if (dryRun || plan.changesNothing()) {
            return plan;
        }
        Set<String> changedNames = new HashSet<>(plan.changed());
        em.unwrap(Session.class).doWork(connection ->
                new ImportBatch(connection, current, root, mode).apply(incoming, plan.removed(), changedNames));
        changed.fire(new TreeChanged(root.fullName(), "imported"));
        return plan;
    }

    private TreeSnapshot lockedCurrentTree() {
        long revision = ((Number) em.createNativeQuery(
                "select revision from argus.config_revision where id = 1 for update").getSingleResult()).longValue();
        TreeSnapshot snapshot = cache.snapshot();
        return snapshot.revision() == revision ? snapshot : store.load(cache.catalog());
    }
}
