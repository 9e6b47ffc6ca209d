package org.argusee.tree.control;

import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An immutable picture of the whole tree at one config revision: objects, their parameters, effective
 * values, full names, and the problems found in the rows. Readers share one snapshot without locking. A snapshot
 * built from the previous one ({@link SnapshotPatch}) shares every node and index entry the change did not touch.
 */
public final class TreeSnapshot {

    private final long revision;
    private final TreeNode top;
    private final FullNameIndex index;
    private final LongTrie<TreeNode> byId;
    private final AliasTargets aliases;
    /** Problems found before the nodes were checked one by one: rows left out, a missing or second Top. */
    private final List<ConfigProblem> leftOut;
    /** Parameters of objects that do not exist. */
    private final List<ConfigProblem> strayParameters;
    /** Nodes that may have a problem ({@link TreeNode#flagged()}): none, and the list needs no walk of the tree. */
    private final int flagged;

    private volatile List<TreeNode> preorder;
    private volatile List<ConfigProblem> problems;

    TreeSnapshot(
            long revision,
            TreeNode top,
            FullNameIndex index,
            LongTrie<TreeNode> byId,
            AliasTargets aliases,
            List<ConfigProblem> leftOut,
            List<ConfigProblem> strayParameters,
            int flagged) {
        this.revision = revision;
        this.top = top;
        this.index = index;
        this.byId = byId;
        this.aliases = aliases;
        this.leftOut = List.copyOf(leftOut);
        this.strayParameters = List.copyOf(strayParameters);
        this.flagged = flagged;
    }

    /**
     * Never throws on bad rows: what cannot be placed is left out and reported in {@link #problems()}.
     *
     * @throws NullPointerException if an argument itself is null
     */
    public static TreeSnapshot build(
            long revision, Collection<ObjectRow> objects, Collection<ParamRow> params, ParameterCatalog catalog) {
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(catalog, "catalog");
        return new TreeBuilder().build(revision, objects, params, catalog);
    }

    /** Just Top, revision 0. */
    public static TreeSnapshot empty() {
        return Empty.INSTANCE;
    }

    public long revision() {
        return revision;
    }

    public TreeNode top() {
        return top;
    }

    public Optional<TreeNode> find(String fullName) {
        return fullName == null ? Optional.empty() : index.find(fullName);
    }

    public Optional<TreeNode> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The node's parent in this snapshot; null for Top (and for a node of another snapshot whose parent is gone). */
    public TreeNode parent(TreeNode node) {
        Long id = node.parentId();
        return id == null ? null : byId.get(id);
    }

    /** Objects in the tree, Top included. */
    public int size() {
        return byId.size();
    }

    /** Depth first, parents before children, children in their order. */
    public Stream<TreeNode> nodes() {
        return preorder().stream();
    }

    /**
     * In the order a build from the rows finds them: rows left out, then each node's structure (tree order), then
     * parameters of missing objects, then each node's parameters (tree order). Listed on first use.
     */
    public List<ConfigProblem> problems() {
        List<ConfigProblem> p = problems;
        if (p == null) {
            List<ConfigProblem> all = new ArrayList<>(leftOut);
            List<TreeNode> withProblems = flagged == 0
                    ? List.of()
                    : preorder().stream().filter(TreeNode::flagged).toList();
            for (TreeNode n : withProblems) {
                all.addAll(n.structureProblems);
                StructureCheck.aliasTarget(n, this).ifPresent(all::add);
            }
            all.addAll(strayParameters);
            withProblems.forEach(n -> all.addAll(n.parameterProblems));
            p = List.copyOf(all);
            problems = p;
        }
        return p;
    }

    /**
     * The objects with these ids and everything below them, as {@link LoadedRows#subtrees} finds them in the rows this
     * snapshot was built from, without a pass over all rows (issue 17); null unless every row was placed, as then only
     * the rows know where the rest hang.
     */
    public Set<Long> subtrees(Collection<Long> roots) {
        if (!complete()) {
            return null;
        }
        Set<Long> out = new HashSet<>(roots);
        Deque<TreeNode> todo = new ArrayDeque<>();
        roots.forEach(id -> byId(id).ifPresent(todo::push));
        while (!todo.isEmpty()) {
            for (TreeNode child : todo.pop().children()) {
                if (out.add(child.id())) {
                    todo.push(child);
                }
            }
        }
        return out;
    }

    /** Whether every row was placed: then a change to some subtrees can be applied to this snapshot. */
    boolean complete() {
        return leftOut.isEmpty() && strayParameters.isEmpty();
    }

    int flagged() {
        return flagged;
    }

    FullNameIndex index() {
        return index;
    }

    LongTrie<TreeNode> ids() {
        return byId;
    }

    AliasTargets aliases() {
        return aliases;
    }

    private List<TreeNode> preorder() {
        List<TreeNode> p = preorder;
        if (p == null) {
            p = Collections.unmodifiableList(preorder(top));
            preorder = p;
        }
        return p;
    }

    static List<TreeNode> preorder(TreeNode top) {
        List<TreeNode> out = new ArrayList<>();
        Deque<TreeNode> stack = new ArrayDeque<>();
        stack.push(top);
        while (!stack.isEmpty()) {
            TreeNode node = stack.pop();
            out.add(node);
            List<TreeNode> children = node.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
        return out;
    }

    private static final class Empty {
        static final TreeSnapshot INSTANCE = build(
                0,
                List.of(new ObjectRow(0, null, ObjectKind.TOP, "Top", null, null, 0)),
                List.of(),
                ParameterCatalog.parse(Reader.nullReader()));
    }
}
