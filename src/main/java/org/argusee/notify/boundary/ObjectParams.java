package org.argusee.notify.boundary;

import java.util.Optional;
import org.argusee.notify.control.FriendlyName;
import org.argusee.notify.control.ParamLookup;
import org.argusee.tree.control.TreeNode;

/**
 * An object's effective parameters for messages; {@code label}, {@code name}, and as in the original {@code uname}
 * (the name), {@code unique} (the full name) and {@code friendlyname} ({@link FriendlyName}) always have a value,
 * so that the original's default messages ({@code %o{friendlyname} is %s/%y}) read as there.
 */
final class ObjectParams {

    private ObjectParams() {}

    static ParamLookup of(TreeNode node) {
        ParamLookup own = node::param;
        return key -> switch (key) {
            case "label" -> Optional.of(node.label());
            case "name", "uname" -> Optional.of(node.name());
            case "unique" -> Optional.of(node.fullName());
            case "friendlyname" ->
                Optional.of(FriendlyName.of(node.serviceType().orElse(null), node.name(), own));
            default -> node.param(key);
        };
    }
}
