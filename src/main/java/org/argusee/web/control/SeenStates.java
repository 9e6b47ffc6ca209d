package org.argusee.web.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.argusee.status.control.DisplayState;
import org.argusee.status.control.DisplayStatus;
import org.argusee.status.control.GroupStatus;
import org.argusee.status.control.ObjectState;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;
import org.argusee.status.control.TreeLinks;
import org.argusee.tree.control.TreeNode;

/**
 * Objects' states as one viewer may see them. Most objects show what the status board says; a visible group with
 * something hidden under it ({@link Visibility#hidesUnder}) would tell of the hidden part through its status,
 * severity, reason ("2 of 5 down") and since, so for the viewer it is worked out again, as the status component
 * does (by {@code gravity}, {@code nostatus} children left out), from its visible children only. Its own override
 * and a down dependency still count (they are the group's own). Its {@code since} is when the visible children
 * made it so (the first of the down ones went down, the last of the up ones came up), not when the real group
 * last changed, which a hidden child may have caused.
 * <p>
 * One instance per answer or per round of pushes: the few groups concerned are worked out once each. Nothing is
 * cached across answers, as each costs one pass over those groups' children.
 */
public final class SeenStates {

    private final LongFunction<ObjectState> board;
    private final Visibility visible;
    private final Map<Long, ObjectState> worked = new HashMap<>();

    public SeenStates(LongFunction<ObjectState> board, Visibility visible) {
        this.board = board;
        this.visible = visible;
    }

    public Visibility visibility() {
        return visible;
    }

    /** The state the viewer sees; null while unknown. */
    public ObjectState state(TreeNode node) {
        if (!visible.hidesUnder(node)) {
            return board.apply(node.id());
        }
        if (!worked.containsKey(node.id())) {
            worked.put(node.id(), group(node, board.apply(node.id())));
        }
        return worked.get(node.id());
    }

    /** When the state the viewer sees began; null when nothing they see says (a group of hidden children only). */
    public Instant since(TreeNode node) {
        ObjectState s = state(node);
        return s == null || s.since().equals(Instant.EPOCH) ? null : s.since();
    }

    private ObjectState group(TreeNode node, ObjectState real) {
        List<GroupStatus.Child> own = new ArrayList<>();
        List<GroupStatus.Child> shown = new ArrayList<>();
        List<ObjectState> states = new ArrayList<>();
        boolean counted = false;
        for (TreeNode child : node.children()) {
            if (!visible.sees(child) || TreeLinks.nostatus(child)) {
                continue;
            }
            counted = true;
            ObjectState s = state(child);
            if (s != null) {
                DisplayState plain = s.status() == Status.UP ? DisplayState.UP : DisplayState.DOWN;
                own.add(new GroupStatus.Child(s.status(), plain, s.severity(), false));
                shown.add(new GroupStatus.Child(
                        s.status(), s.display().state(), s.display().severity(), false));
                states.add(s);
            }
        }
        boolean overridden = real != null && real.overridden();
        if (!counted) { // as a group without children: up
            return new ObjectState(
                    Status.UP,
                    Severity.CLEAR,
                    new DisplayStatus(DisplayState.UP, Severity.CLEAR, null),
                    null,
                    Instant.EPOCH,
                    overridden);
        }
        if (own.isEmpty()) {
            return null;
        }
        String gravity = node.param("gravity").orElse(null);
        GroupStatus byOwn = GroupStatus.combine(own, gravity);
        GroupStatus byShown = GroupStatus.combine(shown, gravity);
        boolean down = byOwn.status() == Status.DOWN;
        long downs = own.stream().filter(c -> c.status() == Status.DOWN).count();
        return new ObjectState(
                byOwn.status(),
                down ? byOwn.severity() : Severity.CLEAR,
                display(down, byShown, real),
                down ? downs + " of " + own.size() + " down" : null,
                since(byOwn.status(), states),
                overridden);
    }

    private static DisplayStatus display(boolean down, GroupStatus byShown, ObjectState real) {
        if (down && real != null && real.overridden()) {
            return new DisplayStatus(DisplayState.OVERRIDE, Severity.CLEAR, null);
        }
        if (byShown.display() == DisplayState.DOWN
                && real != null
                && real.display().state() == DisplayState.DEPENDS) {
            return real.display();
        }
        return new DisplayStatus(byShown.display(), byShown.severity(), null);
    }

    /** Down: since the first visible child went down; up: since the last one came up. */
    private static Instant since(Status status, List<ObjectState> children) {
        Instant at = null;
        for (ObjectState s : children) {
            if (s.status() == status && !s.since().equals(Instant.EPOCH)) {
                boolean better = at == null
                        || (status == Status.DOWN
                                ? s.since().isBefore(at)
                                : s.since().isAfter(at));
                at = better ? s.since() : at;
            }
        }
        return at == null ? Instant.EPOCH : at;
    }
}
