package org.argusee.status.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.argusee.status.control.GroupStatus.Child;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GroupStatusTest {

    private static final Child UP = new Child(Status.UP, DisplayState.UP, Severity.CLEAR, false);
    private static final Child DOWN_MAJOR = new Child(Status.DOWN, DisplayState.DOWN, Severity.MAJOR, false);
    private static final Child DOWN_WARNING = new Child(Status.DOWN, DisplayState.DOWN, Severity.WARNING, false);
    private static final Child DOWN_CRITICAL = new Child(Status.DOWN, DisplayState.DOWN, Severity.CRITICAL, false);
    private static final Child OVERRIDDEN = new Child(Status.DOWN, DisplayState.OVERRIDE, Severity.CLEAR, false);
    private static final Child DEPENDING = new Child(Status.DOWN, DisplayState.DEPENDS, Severity.WARNING, false);
    private static final Child IGNORED_DOWN = new Child(Status.DOWN, DisplayState.DOWN, Severity.CRITICAL, true);

    private static GroupStatus g(Status s, DisplayState d, Severity v) {
        return new GroupStatus(s, d, v);
    }

    @ParameterizedTest
    @EnumSource(Gravity.class)
    void emptyGroupIsUp(Gravity gravity) {
        assertEquals(GroupStatus.EMPTY, GroupStatus.combine(List.of(), gravity));
    }

    @ParameterizedTest
    @EnumSource(Gravity.class)
    void allNostatusChildrenCountAsEmpty(Gravity gravity) {
        assertEquals(GroupStatus.EMPTY, GroupStatus.combine(List.of(IGNORED_DOWN, IGNORED_DOWN), gravity));
    }

    @Test
    void nostatusChildrenAreSkipped() {
        assertEquals(
                g(Status.UP, DisplayState.UP, Severity.CLEAR),
                GroupStatus.combine(List.of(UP, IGNORED_DOWN), Gravity.DOWN));
    }

    @Test
    void downGravityIsDownIfAnyChildIsWithTheWorstSeverity() {
        assertEquals(g(Status.UP, DisplayState.UP, Severity.CLEAR), GroupStatus.combine(List.of(UP, UP), Gravity.DOWN));
        assertEquals(
                g(Status.DOWN, DisplayState.DOWN, Severity.MAJOR),
                GroupStatus.combine(List.of(UP, DOWN_WARNING, DOWN_MAJOR), Gravity.DOWN));
    }

    @Test
    void downGravityShowsOverrideThenDependsBeforeUp() {
        assertEquals(
                g(Status.DOWN, DisplayState.OVERRIDE, Severity.CLEAR),
                GroupStatus.combine(List.of(UP, OVERRIDDEN, DEPENDING), Gravity.DOWN));
        assertEquals(
                g(Status.DOWN, DisplayState.DEPENDS, Severity.CLEAR),
                GroupStatus.combine(List.of(UP, DEPENDING), Gravity.DOWN));
        assertEquals(
                g(Status.DOWN, DisplayState.DOWN, Severity.MAJOR),
                GroupStatus.combine(List.of(OVERRIDDEN, DOWN_MAJOR), Gravity.DOWN));
    }

    @Test
    void downGravityCountsADependsChildsWarningInTheSeverity() {
        assertEquals(
                Severity.WARNING,
                GroupStatus.combine(
                                List.of(DEPENDING, new Child(Status.DOWN, DisplayState.DOWN, Severity.CLEAR, false)),
                                Gravity.DOWN)
                        .severity());
    }

    @Test
    void downChildWithoutSeverityMakesItCritical() {
        Child odd = new Child(Status.DOWN, DisplayState.DOWN, Severity.CLEAR, false);
        assertEquals(
                Severity.CRITICAL,
                GroupStatus.combine(List.of(odd), Gravity.DOWN).severity());
    }

    @Test
    void upGravityIsDownOnlyWhenNoChildIsUpWithTheMildestSeverity() {
        assertEquals(
                g(Status.UP, DisplayState.UP, Severity.CLEAR),
                GroupStatus.combine(List.of(UP, DOWN_CRITICAL), Gravity.UP));
        assertEquals(
                g(Status.DOWN, DisplayState.DOWN, Severity.WARNING),
                GroupStatus.combine(List.of(DOWN_CRITICAL, DOWN_WARNING, DOWN_MAJOR), Gravity.UP));
    }

    @Test
    void upGravityShowsOverrideOrDependsBeforeDown() {
        assertEquals(
                g(Status.DOWN, DisplayState.OVERRIDE, Severity.CLEAR),
                GroupStatus.combine(List.of(DOWN_MAJOR, OVERRIDDEN), Gravity.UP));
        assertEquals(
                g(Status.DOWN, DisplayState.DEPENDS, Severity.CLEAR),
                GroupStatus.combine(List.of(DOWN_MAJOR, DEPENDING), Gravity.UP));
    }

    @Test
    void voteIsDownWhenFewerThanHalfAreUp() {
        assertEquals(
                g(Status.UP, DisplayState.UP, Severity.CLEAR),
                GroupStatus.combine(List.of(UP, DOWN_MAJOR), Gravity.VOTE),
                "exactly half is up");
        assertEquals(
                g(Status.UP, DisplayState.UP, Severity.CLEAR),
                GroupStatus.combine(List.of(UP, UP, DOWN_MAJOR), Gravity.VOTE));
        assertEquals(
                g(Status.DOWN, DisplayState.DOWN, Severity.WARNING),
                GroupStatus.combine(List.of(UP, DOWN_MAJOR, DOWN_WARNING), Gravity.VOTE));
    }

    @Test
    void voteShowsTheLargestOfUpOverrideAndDepends() {
        assertEquals(
                g(Status.DOWN, DisplayState.OVERRIDE, Severity.CLEAR),
                GroupStatus.combine(List.of(OVERRIDDEN, OVERRIDDEN, DOWN_MAJOR), Gravity.VOTE));
        assertEquals(
                g(Status.DOWN, DisplayState.OVERRIDE, Severity.CLEAR),
                GroupStatus.combine(List.of(UP, OVERRIDDEN, DOWN_MAJOR, DOWN_MAJOR), Gravity.VOTE),
                "a tie between up and override shows override");
        assertEquals(
                g(Status.DOWN, DisplayState.DEPENDS, Severity.CLEAR),
                GroupStatus.combine(List.of(DEPENDING, DEPENDING, DOWN_MAJOR), Gravity.VOTE));
    }

    @Test
    void gravityParameter() {
        assertEquals(
                GroupStatus.combine(List.of(UP, DOWN_MAJOR), Gravity.DOWN),
                GroupStatus.combine(List.of(UP, DOWN_MAJOR), (String) null));
        assertEquals(
                Status.UP, GroupStatus.combine(List.of(UP, DOWN_MAJOR), " Up ").status());
        assertEquals(
                g(Status.DOWN, DisplayState.DOWN, Severity.CRITICAL),
                GroupStatus.combine(List.of(UP), "sideways"),
                "the original's answer to a bad gravity");
    }

    @Test
    void groupOverrideShowsOverrideWhileDown() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        UserOverride o = new UserOverride("bob", null, now, null, OverrideMode.MANUAL, null, false);
        GroupStatus down = GroupStatus.combine(List.of(DOWN_MAJOR), Gravity.DOWN);
        assertEquals(new DisplayStatus(DisplayState.OVERRIDE, Severity.CLEAR, null), down.shown(o, now));
        assertEquals(new DisplayStatus(DisplayState.DOWN, Severity.MAJOR, null), down.shown(null, now));
        assertEquals(DisplayState.UP, GroupStatus.EMPTY.shown(o, now).state());
    }

    @Test
    void childFromDisplayStatus() {
        Child c = Child.of(Status.DOWN, new DisplayStatus(DisplayState.DEPENDS, Severity.WARNING, "Top:A"), false);
        assertEquals(DEPENDING, c);
    }
}
