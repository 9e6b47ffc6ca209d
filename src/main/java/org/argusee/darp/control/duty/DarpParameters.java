package org.argusee.darp.control.duty;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.argusee.darp.control.combine.DarpGravity;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.ParameterIssue;
import org.argusee.tree.control.ParameterValidator;
import org.argusee.tree.control.TreeNode;

/**
 * An object's DARP settings, typed, from its effective (inherited) parameters. {@code tags} is what applies:
 * {@code darp_tags} as set, or the mode's default when no object on the path sets it. The quorums are this
 * project's, not the original's; unset, the original's rules apply alone (see the combine package).
 */
public record DarpParameters(
        DarpMode mode, TagList tags, DarpGravity gravity, OptionalInt quorum, OptionalInt recoveryQuorum) {

    public static final String MODE = "darp_mode";
    public static final String TAGS = "darp_tags";
    public static final String GRAVITY = "darp_gravity";
    public static final String QUORUM = "darp_quorum";
    public static final String RECOVERY_QUORUM = "darp_recovery_quorum";
    public static final List<String> KEYS = List.of(MODE, TAGS, GRAVITY, QUORUM, RECOVERY_QUORUM);

    private static final ParameterValidator VALIDATOR = new ParameterValidator(ParameterCatalog.standard());

    public DarpParameters {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(gravity, "gravity");
        Objects.requireNonNull(quorum, "quorum");
        Objects.requireNonNull(recoveryQuorum, "recoveryQuorum");
    }

    /** The settings of an object that sets nothing: mode none, gravity down. */
    public static DarpParameters none() {
        return new DarpParameters(
                DarpMode.NONE, TagList.parse(null), DarpGravity.DOWN, OptionalInt.empty(), OptionalInt.empty());
    }

    /** The snapshot has already left out values the validator refused, so this does not throw for them. */
    public static DarpParameters of(TreeNode node) {
        return from(node::param);
    }

    public static DarpParameters from(Map<String, String> effective) {
        return from(key -> Optional.ofNullable(effective.get(key)));
    }

    /**
     * Checks each value against the parameter catalog (the same rules as an import) before reading it.
     *
     * @param lookup the effective value of a key, empty if unset
     * @throws IllegalArgumentException naming the parameter and its value when one is invalid
     */
    public static DarpParameters from(Function<String, Optional<String>> lookup) {
        for (String key : KEYS) {
            lookup.apply(key).ifPresent(value -> check(key, value));
        }
        DarpMode mode = DarpMode.fromParam(lookup.apply(MODE).orElse(null)).orElseThrow();
        String tags = lookup.apply(TAGS).filter(t -> !t.isBlank()).orElse(mode.defaultTags());
        DarpGravity gravity =
                DarpGravity.fromParam(lookup.apply(GRAVITY).orElse(null)).orElseThrow();
        return new DarpParameters(
                mode, TagList.parse(tags), gravity, count(lookup, QUORUM), count(lookup, RECOVERY_QUORUM));
    }

    private static void check(String key, String value) {
        for (ParameterIssue issue : VALIDATOR.check(key, value)) {
            if (issue.severity() == ParameterIssue.Severity.ERROR) {
                throw new IllegalArgumentException(issue.message());
            }
        }
    }

    private static OptionalInt count(Function<String, Optional<String>> lookup, String key) {
        return lookup.apply(key)
                .filter(v -> !v.isBlank())
                .map(v -> OptionalInt.of(Integer.parseInt(v.strip())))
                .orElse(OptionalInt.empty());
    }
}
