package org.argusee.status.control;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A group's status from its children's, as the original's {@code aggr_stat}. Children with {@code nostatus}
 * are left out; a group with no child left is up. The own status and the shown one are worked out separately:
 * <ul>
 * <li>{@code down} (default): down if any child is down; shows down if any child shows down, else override,
 * else depends, else up; severity the worst of the children's.</li>
 * <li>{@code up}: down only when no child is up; shows up if any child shows up, else override, else depends,
 * else down; severity the mildest of the children's (the group is down only because everything is, so the
 * least alarming child says how bad it is).</li>
 * <li>{@code vote}: down when fewer than half the children are up (exactly half is up); shows up when at least
 * half show up, override or depends (then the most of those, up winning ties over override), else down;
 * severity the mildest, as for up.</li>
 * </ul>
 * Severities are taken over all counted children that have one other than clear (an overridden child has
 * clear, a depends one warning); a down group with none of them is critical. A gravity that is not one of
 * these makes the group down and critical, as in the original.
 */
public record GroupStatus(Status status, DisplayState display, Severity severity) {

    /** One child as the group sees it: its own status, what it shows, its current severity. */
    public record Child(Status status, DisplayState display, Severity severity, boolean nostatus) {

        public Child {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(display, "display");
            Objects.requireNonNull(severity, "severity");
        }

        public static Child of(Status status, DisplayStatus shown, boolean nostatus) {
            return new Child(status, shown.state(), shown.severity(), nostatus);
        }
    }

    public static final GroupStatus EMPTY = new GroupStatus(Status.UP, DisplayState.UP, Severity.CLEAR);
    private static final GroupStatus INVALID = new GroupStatus(Status.DOWN, DisplayState.DOWN, Severity.CRITICAL);

    public GroupStatus {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(severity, "severity");
    }

    /** With the {@code gravity} parameter as written; see {@link Gravity#fromParam}. */
    public static GroupStatus combine(List<Child> children, String gravity) {
        return combine(ChildCounts.of(children), gravity);
    }

    public static GroupStatus combine(List<Child> children, Gravity gravity) {
        return combine(ChildCounts.of(children), gravity);
    }

    /** As {@link #combine(List, String)}, from the children already tallied. */
    static GroupStatus combine(ChildCounts c, String gravity) {
        return Gravity.fromParam(gravity).map(g -> combine(c, g)).orElse(INVALID);
    }

    static GroupStatus combine(ChildCounts c, Gravity gravity) {
        Objects.requireNonNull(gravity, "gravity");
        if (c.total() == 0) {
            return EMPTY;
        }
        return switch (gravity) {
            case DOWN -> down(c);
            case UP -> up(c);
            case VOTE -> vote(c);
        };
    }

    /** What the group shows with its own override: a down group under an override shows override, clear. */
    public DisplayStatus shown(UserOverride override, Instant now) {
        if (status == Status.DOWN && override != null && override.activeAt(now)) {
            return new DisplayStatus(DisplayState.OVERRIDE, Severity.CLEAR, null);
        }
        return new DisplayStatus(display, severity, null);
    }

    private static GroupStatus down(ChildCounts c) {
        Status status = c.down() > 0 ? Status.DOWN : Status.UP;
        DisplayState shown =
                c.firstShown(DisplayState.DOWN, DisplayState.OVERRIDE, DisplayState.DEPENDS, DisplayState.UP);
        return new GroupStatus(status, shown, shown == DisplayState.DOWN ? c.worst() : Severity.CLEAR);
    }

    private static GroupStatus up(ChildCounts c) {
        Status status = c.up() > 0 ? Status.UP : Status.DOWN;
        DisplayState shown =
                c.firstShown(DisplayState.UP, DisplayState.OVERRIDE, DisplayState.DEPENDS, DisplayState.DOWN);
        return new GroupStatus(status, shown, shown == DisplayState.DOWN ? c.mildest() : Severity.CLEAR);
    }

    private static GroupStatus vote(ChildCounts c) {
        Status status = 2 * c.up() >= c.total() ? Status.UP : Status.DOWN;
        int up = c.shows(DisplayState.UP);
        int override = c.shows(DisplayState.OVERRIDE);
        int depends = c.shows(DisplayState.DEPENDS);
        DisplayState shown = DisplayState.DOWN;
        if (2 * (up + override + depends) >= c.total()) {
            shown = up > override ? DisplayState.UP : DisplayState.OVERRIDE;
            if (depends > override + up) {
                shown = DisplayState.DEPENDS;
            }
        }
        return new GroupStatus(status, shown, shown == DisplayState.DOWN ? c.mildest() : Severity.CLEAR);
    }
}
