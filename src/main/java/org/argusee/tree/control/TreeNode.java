package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An object of a {@link TreeSnapshot}. Immutable once the snapshot is built (the builder fills children and
 * parameters in before publishing it). A node does not hold its parent, only the parent's id ({@link
 * TreeSnapshot#parent} finds it) and what the parent passes down: so a snapshot built from the previous one shares
 * every node outside the changed subtrees and their ancestors (issue 17). To keep a snapshot of 100,000 objects
 * small, the full name is built on first use and the effective map on each call; {@link #param} answers for one
 * key without building it.
 */
public final class TreeNode {

    static final Comparator<TreeNode> ORDER =
            Comparator.comparingInt(TreeNode::position).thenComparingLong(TreeNode::id);

    private final ObjectRow row;
    private final Place place;
    private final Long parentId;
    private final ServiceType serviceType;
    private List<TreeNode> children = List.of();
    private List<Parameter> own = List.of();
    private List<Parameter> usable = List.of();
    private Map<String, EffectiveParameter> inherited = Map.of();
    private Map<String, EffectiveParameter> passedDown;
    private ParameterCatalog catalog;
    /** What {@link StructureCheck} found, but for the alias target (that depends on the rest of the tree). */
    List<ConfigProblem> structureProblems = List.of();
    /** What {@link ParameterLoader} found in this object's parameter rows. */
    List<ConfigProblem> parameterProblems = List.of();
    /** Parameter rows waiting for {@link ParameterLoader}: a field, not a map, because there are 500,000. */
    List<ParamRow> pendingRows;

    TreeNode(ObjectRow row, TreeNode parent, ServiceType serviceType) {
        this.row = row;
        this.place = new Place(parent == null ? null : parent.place, row.name() == null ? "" : row.name());
        this.parentId = parent == null ? null : parent.id();
        this.serviceType = serviceType;
    }

    /** A copy with other children: everything else, the place included, is shared. */
    private TreeNode(TreeNode from, List<TreeNode> children) {
        this.row = from.row;
        this.place = from.place;
        this.parentId = from.parentId;
        this.serviceType = from.serviceType;
        this.children = children;
        this.own = from.own;
        this.usable = from.usable;
        this.inherited = from.inherited;
        this.catalog = from.catalog;
        this.structureProblems = from.structureProblems;
        this.parameterProblems = from.parameterProblems;
        this.passedDown = from.passedDown != null || children.isEmpty() ? from.passedDown : computePassedDown();
    }

    public long id() {
        return row.id();
    }

    public ObjectKind kind() {
        return row.kind();
    }

    public String name() {
        return place.name;
    }

    /** Null for Top; {@link TreeSnapshot#parent} gives the node. */
    public Long parentId() {
        return parentId;
    }

    /** This node's full name if its Top were {@code root}: where it lands when a tree is imported under root. */
    public String fullNameUnder(TreeNode root) {
        return root.fullName() + fullName().substring("Top".length());
    }

    /** Parent's full name + ":" + name; Top's is "Top". */
    public String fullName() {
        return place.fullName();
    }

    /** The parent's full name; null for Top. */
    public String parentFullName() {
        return place.parent == null ? null : place.parent.fullName();
    }

    /** Whether this node has a problem of its own or is an alias, whose target may be missing. */
    boolean flagged() {
        return !structureProblems.isEmpty() || !parameterProblems.isEmpty() || kind() == ObjectKind.ALIAS;
    }

    Place place() {
        return place;
    }

    long fullNameHash() {
        return place.fullNameHash;
    }
    /** Null unless this is a service. */
    public String type() {
        return kind() == ObjectKind.SERVICE ? row.type() : null;
    }

    /** The parsed type; empty unless this is a service whose type parses. */
    public Optional<ServiceType> serviceType() {
        return Optional.ofNullable(serviceType);
    }

    /** Null unless this is an alias. */
    public String aliasTarget() {
        return kind() == ObjectKind.ALIAS ? row.aliasTarget() : null;
    }

    public int position() {
        return row.position();
    }

    /** Ordered by position, then id. */
    public List<TreeNode> children() {
        return children;
    }

    /** As stored, ordered by position, including values the validator refused. */
    public List<Parameter> ownParameters() {
        return own;
    }

    /** The own parameters the validator accepted: what inheritance and the effective values are made of. */
    public List<Parameter> usableParameters() {
        return usable;
    }

    /** What the parent passes down (empty for Top): the effective values before this object's own. */
    public Map<String, EffectiveParameter> inherited() {
        return inherited;
    }

    /**
     * What this object passes to its children: its parent's, overlaid with its own inheritable parameters
     * that are not local, and for a Host its name as {@code hostname}.
     */
    public Map<String, EffectiveParameter> passedDown() {
        return passedDown != null ? passedDown : computePassedDown();
    }

    /**
     * What the parent passes down, overlaid with all own parameters, sorted by key. Local ones ({@code key!:})
     * win over ordinary ones of the same key, so {@code sendnotify!: yes} with {@code sendnotify: no} means
     * yes here and no below. Values the validator refused are left out.
     */
    public SortedMap<String, EffectiveParameter> effectiveParameters() {
        TreeMap<String, EffectiveParameter> m = new TreeMap<>(inherited());
        hostname().ifPresent(h -> m.put(h.key(), h));
        for (boolean local : new boolean[] {false, true}) {
            for (Parameter p : usable) {
                if (p.local() == local) {
                    m.put(p.key(), new EffectiveParameter(p.key(), p.value(), fullName()));
                }
            }
        }
        return Collections.unmodifiableSortedMap(m);
    }

    /** The effective value, without building the whole map. */
    public Optional<String> param(String key) {
        for (boolean local : new boolean[] {true, false}) {
            for (int i = usable.size() - 1; i >= 0; i--) {
                Parameter p = usable.get(i);
                if (p.local() == local && p.key().equals(key)) {
                    return Optional.of(p.value());
                }
            }
        }
        if (kind() == ObjectKind.HOST && "hostname".equals(key)) {
            return Optional.of(name());
        }
        EffectiveParameter inherited = inherited().get(key);
        return inherited == null ? Optional.empty() : Optional.of(inherited.value());
    }

    /** The effective {@code label}, else the name. */
    public String label() {
        return param("label").orElse(name());
    }

    @Override
    public String toString() {
        return kind().label() + " " + fullName() + " (#" + id() + ")";
    }

    TreeNode withChildren(List<TreeNode> children) {
        return new TreeNode(this, children.isEmpty() ? List.of() : Collections.unmodifiableList(children));
    }

    void addChild(TreeNode child) {
        if (children.isEmpty()) {
            children = new ArrayList<>(4);
        }
        children.add(child);
    }

    void freezeChildren() {
        if (!children.isEmpty()) {
            children.sort(ORDER);
            children = Collections.unmodifiableList(children);
        }
    }

    /** {@code usable} is {@code own} less the refused values; usually the same list, so it is shared. */
    void setParameters(List<Parameter> own, List<Parameter> usable) {
        this.own = Collections.unmodifiableList(own);
        this.usable = usable.size() == own.size() ? this.own : Collections.unmodifiableList(usable);
    }

    /**
     * Call on parents before children, with what the parent passes down. Only objects with children keep what they
     * pass down: most objects are services, and a map each would double the snapshot's size.
     */
    void inherit(ParameterCatalog catalog, Map<String, EffectiveParameter> inherited) {
        this.catalog = catalog;
        this.inherited = inherited;
        if (!children.isEmpty() || parentId == null) {
            passedDown = computePassedDown();
        }
    }

    private Map<String, EffectiveParameter> computePassedDown() {
        return Inheritance.passDown(inherited, kind(), name(), usable, catalog, this::fullName);
    }

    /** A Host is a Group that also sets {@code hostname: name}; its own hostname parameter overrides that. */
    private Optional<EffectiveParameter> hostname() {
        return kind() == ObjectKind.HOST
                ? Optional.of(new EffectiveParameter("hostname", name(), fullName()))
                : Optional.empty();
    }
}
