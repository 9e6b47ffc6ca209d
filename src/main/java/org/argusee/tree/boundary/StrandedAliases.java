package org.argusee.tree.boundary;

import java.util.List;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/** Aliases name their target by full name: moving or renaming it leaves them pointing at nothing. */
final class StrandedAliases {

    private static final int MAX = 100;

    private StrandedAliases() {}

    /** A warning for each alias (at most {@value #MAX}) that points at the node or something under it. */
    static List<String> of(TreeSnapshot tree, TreeNode node) {
        String under = node.fullName() + ":";
        return tree.nodes()
                .filter(n -> n.kind() == ObjectKind.ALIAS && n.aliasTarget() != null)
                .filter(n -> n.aliasTarget().equals(node.fullName())
                        || n.aliasTarget().startsWith(under))
                .limit(MAX)
                .map(n -> "alias " + n.fullName() + " points at " + n.aliasTarget()
                        + ", which will no longer exist by that name")
                .toList();
    }
}
