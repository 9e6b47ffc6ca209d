package org.argusee.argusconf.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.Parameter;
import org.argusee.tree.control.TreeNode;

/**
 * What differs in one object an import changes, for a person reading the dry run: kind, type and alias target
 * ({@code type: TCP -> TCP/HTTP}), and own parameters by key ({@code frequency: 60 -> 30}, {@code + label: x},
 * {@code - note} in replace mode, where the object's parameters become exactly the file's). Local ({@code key!:})
 * parameters are named with their {@code !}.
 */
final class ChangeDetails {

    private ChangeDetails() {}

    static List<String> of(TreeNode now, TreeNode wanted, ImportPlan.Mode mode) {
        List<String> details = new ArrayList<>();
        // the file's Top stands for the root it is imported under: only its parameters count
        boolean root = wanted.kind() == ObjectKind.TOP;
        if (!root && now.kind() != wanted.kind()) {
            details.add("kind: " + now.kind().label() + " -> " + wanted.kind().label());
        }
        if (!root && !Objects.equals(now.type(), wanted.type())) {
            details.add("type: " + now.type() + " -> " + wanted.type());
        }
        if (!root && !Objects.equals(now.aliasTarget(), wanted.aliasTarget())) {
            details.add("target: " + now.aliasTarget() + " -> " + wanted.aliasTarget());
        }
        Map<String, String> have = byKey(now.ownParameters());
        Map<String, String> want = byKey(wanted.ownParameters());
        want.forEach((key, value) -> {
            String old = have.get(key);
            if (old == null) {
                details.add("+ " + key + ": " + value);
            } else if (!old.equals(value)) {
                details.add(key + ": " + old + " -> " + value);
            }
        });
        if (mode == ImportPlan.Mode.REPLACE) {
            have.keySet().stream().filter(k -> !want.containsKey(k)).forEach(k -> details.add("- " + k));
        }
        if (details.isEmpty()) {
            details.add("parameters reordered");
        }
        return details;
    }

    private static Map<String, String> byKey(List<Parameter> params) {
        Map<String, String> byKey = new LinkedHashMap<>();
        params.forEach(p -> byKey.put(p.key() + (p.local() ? "!" : ""), p.value()));
        return byKey;
    }
}
