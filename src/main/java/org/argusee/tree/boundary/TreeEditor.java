package org.argusee.tree.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.argusee.platform.control.ArgusException;
import org.argusee.tree.control.InheritancePreview;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.Parameter;
import org.argusee.tree.control.ParameterEdits;
import org.argusee.tree.control.ParameterValidator;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.entity.MonitoredObject;
import org.hibernate.Session;

/**
 * Every change to the tree made through the application: validated against the live snapshot, written in one
 * transaction, announced after commit. The database's own constraints back each rule up, so a change racing
 * another one is refused there rather than half-applied.
 */
@Stateless
public class TreeEditor {

    @PersistenceContext
    EntityManager em;

    @Inject
    TreeCache cache;

    @Inject
    Event<TreeChanged> changed;

    @Inject
    TreeStore store;

    /** Changes listed in a preview at most; the total is counted beyond. */
    static final int PREVIEW_LIMIT = 2000;

    /** {@code preview} is set (and nothing written) for a dry run. */
    public record Result(String fullName, List<String> warnings, InheritancePreview.Preview preview) {}

    public Result create(String parentName, NewObject spec) {
        if (spec == null) {
            throw new ArgusException.Invalid("body", "a JSON object describing the new object is required");
        }
        ObjectRules rules = rules();
        TreeNode parent = rules.object("parent", parentName);
        ObjectKind kind = rules.kind(spec.kind());
        List<Parameter> parameters = rules.parameters(spec.parameters());
        String type = null;
        if (kind != null) {
            rules.placement(parent, kind);
            if (kind == ObjectKind.SERVICE) {
                type = rules.serviceType(spec.type());
            } else if (spec.type() != null) {
                rules.error("type", "only a Service has a type");
            }
            if (kind == ObjectKind.ALIAS) {
                rules.aliasTarget(spec.target());
            } else if (spec.target() != null) {
                rules.error("target", "only an Alias has a target");
            }
        }
        String name = spec.name() != null ? spec.name() : rules.defaultName(kind, type, parent, parameters);
        if (name != null || kind != ObjectKind.SERVICE || type != null) {
            rules.name(name);
        }
        rules.check("cannot create the object");
        rules.unique(parent, name, null);

        int position = spec.position() != null ? spec.position() : nextPosition(parent);
        MonitoredObject object = new MonitoredObject(
                em.getReference(MonitoredObject.class, parent.id()),
                kind,
                name,
                type,
                kind == ObjectKind.ALIAS ? spec.target() : null,
                position);
        em.persist(object);
        object.replaceParameters(parameters);
        String fullName = parent.fullName() + ":" + name;
        flush(fullName);
        fire(fullName, "created", object.id());
        return new Result(fullName, rules.warnings(), null);
    }

    public Result update(String fullName, ObjectChange change, String ifMatch, boolean dryRun) {
        if (change == null) {
            throw new ArgusException.Invalid("body", "a JSON object with the fields to change is required");
        }
        ObjectRules rules = rules();
        TreeNode node = rules.object("fullName", fullName);
        MonitoredObject object = entity(node, ifMatch);
        String name = node.name();
        if (change.name() != null && !change.name().equals(node.name())) {
            if (node.kind() == ObjectKind.TOP) {
                rules.error("name", "Top cannot be renamed");
            }
            rules.name(change.name());
            name = change.name();
        }
        String type = null;
        if (change.type() != null) {
            if (node.kind() == ObjectKind.SERVICE) {
                type = rules.serviceType(change.type());
            } else {
                rules.error("type", "only a Service has a type");
            }
        }
        if (change.target() != null) {
            if (node.kind() == ObjectKind.ALIAS) {
                rules.aliasTarget(change.target());
            } else {
                rules.error("target", "only an Alias has a target");
            }
        }
        List<Parameter> parameters = change.parameters() == null ? null : rules.parameters(change.parameters());
        rules.check("cannot change '" + fullName + "'");
        boolean renamed = !name.equals(node.name());
        if (renamed) {
            rules.unique(rules.tree().parent(node), name, node);
        }
        String newFullName = renamed ? node.parentFullName() + ":" + name : node.fullName();
        if (dryRun) {
            return preview(node, parameters, null, renamed ? name : null, rules);
        }
        if (type != null) {
            object.changeType(type);
        }
        if (change.target() != null) {
            object.retarget(change.target());
        }
        if (renamed) {
            object.rename(name);
        }
        if (parameters != null) {
            object.replaceParameters(parameters);
        }
        flush(newFullName);
        fire(newFullName, "updated", node.id());
        return new Result(newFullName, rules.warnings(), null);
    }

    public Result move(String fullName, MoveRequest request, String ifMatch, boolean dryRun) {
        if (request == null) {
            throw new ArgusException.Invalid("body", "a JSON object naming the new parent is required");
        }
        ObjectRules rules = rules();
        TreeNode node = rules.object("fullName", fullName);
        TreeNode parent = rules.object("parent", request.parent());
        if (node.kind() == ObjectKind.TOP) {
            throw new ArgusException.Invalid("fullName", "Top cannot be moved");
        }
        for (TreeNode n = parent; n != null; n = rules.tree().parent(n)) {
            if (n == node) {
                throw new ArgusException.Conflict(
                        "parent",
                        "cannot move '" + fullName + "' under '" + parent.fullName()
                                + "': that is inside it, and would make a cycle");
            }
        }
        rules.placement(parent, node.kind());
        rules.check("cannot move '" + fullName + "'");
        rules.unique(parent, node.name(), node);
        MonitoredObject object = entity(node, ifMatch);
        if (dryRun) {
            return preview(node, null, parent, null, rules);
        }
        int position = request.position() != null ? request.position() : nextPosition(parent);
        object.moveTo(em.getReference(MonitoredObject.class, parent.id()), position);
        String newFullName = parent.fullName() + ":" + node.name();
        flush(newFullName);
        fire(newFullName, "moved", node.id());
        return new Result(newFullName, List.of(), null);
    }

    public void delete(String fullName, boolean recursive, String ifMatch) {
        TreeNode node = rules().object("fullName", fullName);
        if (node.kind() == ObjectKind.TOP) {
            throw new ArgusException.Invalid("fullName", "Top cannot be deleted");
        }
        if (!node.children().isEmpty() && !recursive) {
            throw new ArgusException.Conflict(
                    "recursive",
                    "'" + fullName + "' holds " + node.children().size()
                            + " objects; delete with recursive=true to remove them all");
        }
        entity(node, ifMatch);
        // children and parameters go with it: the database cascades (statement triggers, V2026_12_11_11 and _12_10)
        em.flush();
        em.unwrap(Session.class).doWork(c -> SubtreeDelete.delete(c, new Long[] {node.id()}));
        fire(fullName, "deleted", node.id());
    }

    public Result putParameter(String fullName, String key, ParameterValue body, String ifMatch, boolean dryRun) {
        if (body == null) {
            throw new ArgusException.Invalid("body", "a JSON object with the parameter's value is required");
        }
        ObjectRules rules = rules();
        TreeNode node = rules.object("fullName", fullName);
        rules.parameter(key, body.value());
        rules.check("cannot set parameter '" + key + "' of '" + fullName + "'");
        boolean local = Boolean.TRUE.equals(body.local());
        MonitoredObject object = entity(node, ifMatch);
        if (dryRun) {
            return preview(
                    node, ParameterEdits.with(node.usableParameters(), key, body.value(), local), null, null, rules);
        }
        object.putParameter(key, body.value(), local);
        flush(fullName);
        fire(fullName, "parameter " + key, node.id());
        return new Result(fullName, rules.warnings(), null);
    }

    /** Removes a parameter in one form ({@code local} true or false) or in both (null). */
    public Result removeParameter(String fullName, String key, Boolean local, String ifMatch, boolean dryRun) {
        ObjectRules rules = rules();
        TreeNode node = rules.object("fullName", fullName);
        MonitoredObject object = entity(node, ifMatch);
        if (dryRun) {
            return preview(node, ParameterEdits.without(node.usableParameters(), key, local), null, null, rules);
        }
        if (!object.removeParameter(key, local)) {
            throw new ArgusException.NotFound("key", "'" + fullName + "' has no parameter '" + key + "' of its own");
        }
        flush(fullName);
        fire(fullName, "parameter " + key, node.id());
        return new Result(fullName, List.of(), null);
    }

    /** Nothing is written: the effective values that would change, under the object and in it. */
    private Result preview(TreeNode node, List<Parameter> own, TreeNode parent, String name, ObjectRules rules) {
        InheritancePreview.Preview preview =
                InheritancePreview.of(node, own, parent, name, cache.catalog(), PREVIEW_LIMIT);
        List<String> warnings = new ArrayList<>(rules.warnings());
        if (!preview.newFullName().equals(node.fullName())) {
            warnings.addAll(StrandedAliases.of(cache.snapshot(), node));
        }
        return new Result(preview.newFullName(), warnings, preview.withWarnings(warnings));
    }

    /**
     * The row behind a snapshot node, locked for this write so a second editor waits and then sees the first
     * one's change; gone if someone deleted it by SQL since the snapshot was taken. Checks the client's version.
     */
    private MonitoredObject entity(TreeNode node, String ifMatch) {
        MonitoredObject object = em.find(MonitoredObject.class, node.id(), LockModeType.PESSIMISTIC_WRITE);
        if (object == null) {
            throw new ArgusException.NotFound("fullName", "'" + node.fullName() + "' was deleted meanwhile");
        }
        Versions.check(object, node.fullName(), ifMatch);
        return object;
    }

    /** After commit the cache re-reads only the object's subtree, as of the revision this write moved to. */
    private void fire(String fullName, String what, long id) {
        changed.fire(
                new TreeChanged(fullName, what, Set.of(id), store.ownRevision().orElse(0)));
    }

    private ObjectRules rules() {
        return new ObjectRules(cache.snapshot(), new ParameterValidator(cache.catalog()));
    }

    private static int nextPosition(TreeNode parent) {
        return parent.children().stream().mapToInt(TreeNode::position).max().orElse(-1) + 1;
    }

    /** Writes now, so that the database's verdict comes back as a clear error rather than at commit. */
    private void flush(String fullName) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw ConstraintErrors.translate(fullName, e);
        }
    }
}
