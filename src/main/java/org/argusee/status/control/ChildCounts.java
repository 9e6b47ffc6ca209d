package org.argusee.status.control;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Tallies of a group's counted children (those without {@code nostatus}) for {@link GroupStatus}. */
record ChildCounts(int up, int down, Map<DisplayState, Integer> shown, Severity mildestSet, Severity worstSet) {

    static ChildCounts of(List<GroupStatus.Child> children) {
        int up = 0;
        int down = 0;
        Map<DisplayState, Integer> shown = new EnumMap<>(DisplayState.class);
        Severity mildest = null;
        Severity worst = null;
        for (GroupStatus.Child child : children) {
            if (child.nostatus()) {
                continue;
            }
            if (child.status() == Status.UP) {
                up++;
            } else {
                down++;
            }
            shown.merge(child.display(), 1, Integer::sum);
            Severity s = child.severity();
            if (s != Severity.CLEAR) {
                mildest = mildest == null || mildest.worseThan(s) ? s : mildest;
                worst = worst == null || s.worseThan(worst) ? s : worst;
            }
        }
        return new ChildCounts(up, down, shown, mildest, worst);
    }

    int total() {
        return up + down;
    }

    int shows(DisplayState state) {
        return shown.getOrDefault(state, 0);
    }

    /** The first of {@code order} that some child shows. */
    DisplayState firstShown(DisplayState... order) {
        for (DisplayState s : order) {
            if (shows(s) > 0) {
                return s;
            }
        }
        return DisplayState.UP; // unreachable with at least one child: every child shows something
    }

    Severity worst() {
        return worstSet == null ? Severity.CRITICAL : worstSet;
    }

    Severity mildest() {
        return mildestSet == null ? Severity.CRITICAL : mildestSet;
    }
}
