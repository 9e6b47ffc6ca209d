package org.argusee.notify.boundary;

import java.util.Optional;
import org.argusee.notify.control.ParamLookup;
import org.argusee.tree.control.TreeNode;

/** An object's effective parameters for messages; {@code label} and {@code name} always have a value. */
final class ObjectParams {

    private ObjectParams() {}

    static ParamLookup of(TreeNode node) {
        return key -> switch (key) {
            case "label" -> Optional.of(node.label());
            case "name" -> Optional.of(node.name());
            default -> node.param(key);
        };
    }
}
