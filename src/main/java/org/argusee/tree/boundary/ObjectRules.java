package org.argusee.tree.boundary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.argusee.platform.control.ArgusException;
import org.argusee.platform.control.FieldError;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.Parameter;
import org.argusee.tree.control.ParameterIssue;
import org.argusee.tree.control.ParameterValidator;
import org.argusee.tree.control.ServiceType;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.tree.control.Unames;

/**
 * Checks a requested change against the current tree, collecting every field error before refusing, so the
 * client learns all that is wrong at once. Warnings (an unknown parameter, as the original's "typo?") do not
 * refuse the change; they are returned with the result.
 */
final class ObjectRules {

    private final TreeSnapshot tree;
    private final ParameterValidator validator;
    private final List<FieldError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** The snapshot the rules look at. */
    TreeSnapshot tree() {
        return tree;
    }

    ObjectRules(TreeSnapshot tree, ParameterValidator validator) {
        this.tree = tree;
        this.validator = validator;
    }

    TreeNode object(String field, String fullName) {
        if (fullName == null || fullName.isBlank()) {
            throw new ArgusException.Invalid(
                    field, field + " is required: the full name of an object, like Top:Servers");
        }
        return tree.find(fullName)
                .orElseThrow(() -> new ArgusException.NotFound(field, "no object named '" + fullName + "'"));
    }

    ObjectKind kind(String text) {
        if (text == null) {
            error("kind", "kind is required: Group, Host, Service or Alias");
            return null;
        }
        try {
            ObjectKind kind = ObjectKind.fromLabel(text);
            if (kind == ObjectKind.TOP) {
                error("kind", "there is only one Top; create a Group, Host, Service or Alias");
                return null;
            }
            return kind;
        } catch (IllegalArgumentException e) {
            error("kind", "unknown kind '" + text + "': use Group, Host, Service or Alias");
            return null;
        }
    }

    void placement(TreeNode parent, ObjectKind kind) {
        if (parent.kind() != ObjectKind.TOP && parent.kind() != ObjectKind.GROUP && parent.kind() != ObjectKind.HOST) {
            error("parent", "'" + parent.fullName() + "' is a " + parent.kind().label() + " and cannot hold objects");
        } else if (kind == ObjectKind.SERVICE && parent.kind() == ObjectKind.TOP) {
            error("parent", "a Service cannot sit at top level: put it in a Group or Host");
        }
    }

    /** The canonical service type, or null after recording why it is refused. */
    String serviceType(String text) {
        if (text == null || text.isBlank()) {
            error("type", "a Service needs a type, like TCP/SMTP or Ping");
            return null;
        }
        try {
            return ServiceType.parse(text.strip()).canonical();
        } catch (IllegalArgumentException e) {
            error("type", e.getMessage());
            return null;
        }
    }

    void aliasTarget(String target) {
        if (target == null || target.isBlank()) {
            error("target", "an Alias needs the full name of its target, like Top:Servers:mail");
        } else if (tree.find(target).isEmpty()) {
            error("target", "no object named '" + target + "' to point the alias at");
        }
    }

    void name(String name) {
        if (name == null) {
            error("name", "name is required");
            return;
        }
        Optional<String> problem = Unames.checkName(name);
        problem.ifPresent(p -> error("name", p));
    }

    /** A sibling or any object with the resulting full name, other than {@code self}, makes a duplicate. */
    void unique(TreeNode parent, String name, TreeNode self) {
        if (name == null) {
            return;
        }
        String fullName = parent.fullName() + ":" + name;
        boolean sibling =
                parent.children().stream().anyMatch(c -> c != self && c.name().equals(name));
        Optional<TreeNode> same = tree.find(fullName);
        if (sibling || (same.isPresent() && same.get() != self)) {
            throw new ArgusException.Conflict("name", "an object named '" + fullName + "' already exists");
        }
    }

    List<Parameter> parameters(List<ParameterInput> input) {
        List<Parameter> result = new ArrayList<>();
        if (input == null) {
            return result;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            ParameterInput p = input.get(i);
            String at = "parameters[" + i + "]";
            if (p == null || p.key() == null || p.key().isBlank()) {
                error(at + ".key", "a parameter needs a key");
                continue;
            }
            if (!seen.add(p.key() + (p.isLocal() ? "!" : ""))) {
                error("parameters." + p.key(), "parameter '" + p.key() + (p.isLocal() ? "!" : "") + "' is given twice");
                continue;
            }
            if (parameter(p.key(), p.value())) {
                result.add(new Parameter(p.key(), p.value(), p.isLocal()));
            }
        }
        return result;
    }

    /** Checks one key and value; false if refused. */
    boolean parameter(String key, String value) {
        if (value == null) {
            error("parameters." + key, "parameter '" + key + "' needs a value");
            return false;
        }
        boolean ok = true;
        for (ParameterIssue issue : validator.check(key, value)) {
            if (issue.severity() == ParameterIssue.Severity.ERROR) {
                error("parameters." + key, issue.message());
                ok = false;
            } else {
                warnings.add(issue.message());
            }
        }
        return ok;
    }

    void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Refuses the change if anything was wrong. */
    void check(String what) {
        ArgusException.Invalid.ifAny(what, errors);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** A service's uname, by the rule the importer uses too; why it cannot be had is a field error. */
    String defaultName(ObjectKind kind, String type, TreeNode parent, List<Parameter> own) {
        if (kind != ObjectKind.SERVICE || type == null) {
            return null;
        }
        Map<String, String> ownValues = new HashMap<>();
        own.forEach(p -> ownValues.put(p.key(), p.value()));
        try {
            return Unames.forService(ServiceType.parse(type), parent.passedDown(), ownValues);
        } catch (IllegalArgumentException e) {
            error("name", e.getMessage());
            return null;
        }
    }
}
