package org.argusee.web.control;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.argusee.tree.control.Parameter;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * The original's ACLs on the tree (REFERENCE.md section 7; Configable.pm build_acl): {@code acl_user} (see),
 * {@code acl_staff} (override, annotate, ...), {@code acl_root} (everything), and per function {@code acl_page},
 * {@code acl_override}, {@code acl_annotate}, {@code acl_checknow}, ... that fall back on the simple one of their
 * kind. An object's list is its parent's list followed by its own words: a name adds, {@code -name} removes,
 * {@code -ALL} empties; the list admits a person when it holds {@code ALL} or one of their groups (their user name,
 * their roles, and {@code root} for an admin). At Top the simple lists start from the original's defaults.
 * <p>
 * One change to the original: {@code acl_checknow} falls back on {@code acl_staff} (the original: acl_root),
 * because staff may check now here (issue 12).
 */
public final class Acl {

    public static final String PAGE = "page";
    public static final String OVERRIDE = "override";
    public static final String ANNOTATE = "annotate";
    public static final String CHECKNOW = "checknow";
    public static final String NTFYACK = "ntfyack";

    private static final Map<String, String> SIMPLE = Map.ofEntries(
            Map.entry(PAGE, "acl_user"),
            Map.entry("about", "acl_root"),
            Map.entry("getconf", "acl_root"),
            Map.entry("flush", "acl_root"),
            Map.entry(OVERRIDE, "acl_staff"),
            Map.entry(ANNOTATE, "acl_staff"),
            Map.entry("logfile", "acl_staff"),
            Map.entry("ntfylist", "acl_staff"),
            Map.entry(NTFYACK, "acl_staff"),
            Map.entry("ntfyackall", "acl_root"),
            Map.entry("ntfydetail", "acl_staff"),
            Map.entry(CHECKNOW, "acl_staff"));
    private static final Map<String, String> DEFAULTS =
            Map.of("acl_user", "user staff root", "acl_staff", "staff root", "acl_root", "root");

    private Acl() {}

    /** The words an object adds for this function: its own {@code acl_<function>}, else its simple list; or null. */
    public static String own(TreeNode node, String function) {
        String value = last(node, "acl_" + function);
        String simple = SIMPLE.getOrDefault(function, "acl_root");
        if (value == null) {
            value = last(node, simple);
        }
        if (value == null && node.parentId() == null) {
            value = DEFAULTS.get(simple);
        }
        return value;
    }

    /** The parent's list with this object's words applied. */
    public static Set<String> apply(Set<String> inherited, String words) {
        if (words == null || words.isBlank()) {
            return inherited;
        }
        Set<String> out = new LinkedHashSet<>(inherited);
        for (String w : words.strip().split("\\s+")) {
            if (w.equals("-ALL")) {
                out.clear();
            } else if (w.startsWith("-")) {
                out.remove(w.substring(1));
            } else {
                out.add(w);
            }
        }
        return Set.copyOf(out);
    }

    /** The object's whole list for the function, from Top down. */
    public static Set<String> of(TreeSnapshot tree, TreeNode node, String function) {
        TreeNode parent = tree.parent(node);
        Set<String> inherited = parent == null ? Set.of() : of(tree, parent, function);
        return apply(inherited, own(node, function));
    }

    public static boolean admits(Set<String> acl, Set<String> groups) {
        return acl.contains("ALL") || groups.stream().anyMatch(acl::contains);
    }

    private static String last(TreeNode node, String key) {
        String value = null;
        for (Parameter p : node.ownParameters()) {
            if (p.key().equals(key)) {
                value = p.value();
            }
        }
        return value;
    }
}
