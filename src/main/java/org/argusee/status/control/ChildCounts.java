package org.argusee.status.control;

import java.util.List;

/**
 * Tallies of a group's counted children (those without {@code nostatus}) for {@link GroupStatus}. Filled one child
 * at a time ({@link #add}) with nothing allocated per child: a group of thousands is tallied again whenever one of
 * its children changes (issue 17: a list of two records a child, and a boxed count a child, were most of the status
 * writer's rounds while a few services of a large group changed). Not thread-safe: one evaluation fills one.
 */
final class ChildCounts {

    private int up;
    private int down;
    private final int[] shown = new int[DisplayState.values().length];
    private Severity mildestSet;
    private Severity worstSet;

    static ChildCounts of(List<GroupStatus.Child> children) {
        ChildCounts c = new ChildCounts();
        for (GroupStatus.Child child : children) {
            if (!child.nostatus()) {
                c.add(child.status(), child.display(), child.severity());
            }
        }
        return c;
    }

    /** One counted child: its own status, what it shows, its current severity. */
    void add(Status status, DisplayState display, Severity severity) {
        if (status == Status.UP) {
            up++;
        } else {
            down++;
        }
        shown[display.ordinal()]++;
        if (severity != Severity.CLEAR) {
            mildestSet = mildestSet == null || mildestSet.worseThan(severity) ? severity : mildestSet;
            worstSet = worstSet == null || severity.worseThan(worstSet) ? severity : worstSet;
        }
    }

    int up() {
        return up;
    }

    int down() {
        return down;
    }

    int total() {
        return up + down;
    }

    int shows(DisplayState state) {
        return shown[state.ordinal()];
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
