package org.argusee.status.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.argusee.status.control.GroupStatus.Child;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tally filled child by child gives what the list of children gave (the group's evaluation uses the first). */
class ChildCountsTest {

    private static final List<Child> MIXED = List.of(
            new Child(Status.UP, DisplayState.UP, Severity.CLEAR, false),
            new Child(Status.DOWN, DisplayState.DOWN, Severity.MAJOR, false),
            new Child(Status.DOWN, DisplayState.DOWN, Severity.WARNING, false),
            new Child(Status.DOWN, DisplayState.OVERRIDE, Severity.CLEAR, false),
            new Child(Status.DOWN, DisplayState.DEPENDS, Severity.WARNING, false),
            new Child(Status.DOWN, DisplayState.DOWN, Severity.CRITICAL, true));

    @Test
    void tallies() {
        ChildCounts c = ChildCounts.of(MIXED);
        assertEquals(1, c.up());
        assertEquals(4, c.down());
        assertEquals(5, c.total());
        assertEquals(2, c.shows(DisplayState.DOWN));
        assertEquals(1, c.shows(DisplayState.OVERRIDE));
        assertEquals(Severity.MAJOR, c.worst(), "the nostatus child's critical is not counted");
        assertEquals(Severity.WARNING, c.mildest());
        assertEquals(DisplayState.OVERRIDE, c.firstShown(DisplayState.OVERRIDE, DisplayState.DOWN));
    }

    @Test
    void noSeverityMeansCritical() {
        ChildCounts c = new ChildCounts();
        c.add(Status.DOWN, DisplayState.OVERRIDE, Severity.CLEAR);
        assertEquals(Severity.CRITICAL, c.worst());
        assertEquals(Severity.CRITICAL, c.mildest());
    }

    @ParameterizedTest
    @EnumSource(Gravity.class)
    void addedOneByOneCombinesAsTheList(Gravity gravity) {
        for (int n = 0; n <= MIXED.size(); n++) {
            List<Child> some = new ArrayList<>(MIXED.subList(0, n));
            ChildCounts tally = new ChildCounts();
            some.stream()
                    .filter(ch -> !ch.nostatus())
                    .forEach(ch -> tally.add(ch.status(), ch.display(), ch.severity()));
            assertEquals(GroupStatus.combine(some, gravity), GroupStatus.combine(tally, gravity), "first " + n);
        }
    }
}
