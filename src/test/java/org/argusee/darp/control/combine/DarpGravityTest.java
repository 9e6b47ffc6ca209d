package org.argusee.darp.control.combine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.argusee.status.control.DisplayState;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;
import org.junit.jupiter.api.Test;

class DarpGravityTest {

    private static final Set<String> ALL = Set.of("m", "s1", "s2", "s3");

    private static DarpReport up(String tag) {
        return new DarpReport(tag, DarpState.UP, Severity.CLEAR, tag.equals("m"));
    }

    private static DarpReport down(String tag, Severity s) {
        return new DarpReport(tag, DarpState.DOWN, s, tag.equals("m"));
    }

    private static DarpReport override(String tag, Severity s) {
        return new DarpReport(tag, DarpState.OVERRIDE, s, tag.equals("m"));
    }

    private static DarpOutcome combine(DarpGravity g, DarpReport... reports) {
        return DarpGravity.combine(List.of(reports), g, ALL, Severity.MINOR);
    }

    private static final DarpOutcome UP = new DarpOutcome(Status.UP, Severity.CLEAR, false);

    private static DarpOutcome downWith(Severity s) {
        return new DarpOutcome(Status.DOWN, s, false);
    }

    @Test
    void downGravityIsDownWhenAnyReportIsDownWithTheWorstSeverity() {
        assertEquals(UP, combine(DarpGravity.DOWN, up("m"), up("s1")));
        assertEquals(
                downWith(Severity.CRITICAL),
                combine(DarpGravity.DOWN, up("m"), down("s1", Severity.WARNING), down("s2", Severity.CRITICAL)));
    }

    @Test
    void downGravityCountsOverrideAsDownAndShowsItWhenNoneIsDown() {
        DarpOutcome o = combine(DarpGravity.DOWN, up("m"), override("s1", Severity.MAJOR));
        assertEquals(new DarpOutcome(Status.DOWN, Severity.MAJOR, true), o);
        assertEquals(DisplayState.OVERRIDE, o.display());
        DarpOutcome both = combine(DarpGravity.DOWN, override("s1", Severity.MAJOR), down("s2", Severity.MINOR));
        assertEquals(DisplayState.DOWN, both.display());
    }

    @Test
    void downGravityIsDownWhenNoneIsUpEvenIfNobodyReported() {
        DarpOutcome o = combine(DarpGravity.DOWN, DarpReport.never("s1"), DarpReport.never("s2"));
        assertEquals(downWith(Severity.MINOR), o, "no severity reported: the object's own");
    }

    @Test
    void upGravityIsDownOnlyWhenNoneIsUpAndOneIsDownWithTheMildestSeverity() {
        assertEquals(UP, combine(DarpGravity.UP, up("m"), down("s1", Severity.CRITICAL)));
        assertEquals(
                downWith(Severity.WARNING),
                combine(DarpGravity.UP, down("s1", Severity.CRITICAL), down("s2", Severity.WARNING)));
        assertEquals(UP, combine(DarpGravity.UP, DarpReport.never("s1")), "nobody reported: nothing is down");
        assertEquals(
                new DarpOutcome(Status.DOWN, Severity.MAJOR, true),
                combine(DarpGravity.UP, override("s1", Severity.MAJOR), DarpReport.never("s2")));
    }

    @Test
    void voteIsDownWhenUpReportsDoNotOutnumberTheOthers() {
        assertEquals(UP, combine(DarpGravity.VOTE, up("m"), up("s1"), down("s2", Severity.MAJOR)));
        assertEquals(
                downWith(Severity.WARNING),
                combine(DarpGravity.VOTE, up("m"), down("s1", Severity.MAJOR), down("s2", Severity.WARNING)));
        assertEquals(
                downWith(Severity.MAJOR),
                combine(DarpGravity.VOTE, up("m"), down("s1", Severity.MAJOR)),
                "a tie is down");
        assertEquals(
                UP,
                combine(DarpGravity.VOTE, up("m"), DarpReport.never("s1"), DarpReport.never("s2")),
                "unknown counts for no side");
    }

    @Test
    void voteShowsOverrideWhenOverridesAreAtLeastTheDowns() {
        DarpOutcome o =
                combine(DarpGravity.VOTE, up("m"), override("s1", Severity.MAJOR), down("s2", Severity.CRITICAL));
        assertEquals(new DarpOutcome(Status.DOWN, Severity.MAJOR, true), o);
        DarpOutcome d = combine(
                DarpGravity.VOTE,
                override("s1", Severity.MAJOR),
                down("s2", Severity.CRITICAL),
                down("s3", Severity.CRITICAL));
        assertEquals(DisplayState.DOWN, d.display());
    }

    @Test
    void ietfCountsOnlyServersConnectedNow() {
        List<DarpReport> reports = List.of(up("m"), down("s1", Severity.MAJOR), down("s2", Severity.MAJOR));
        assertEquals(
                Status.DOWN,
                DarpGravity.combine(reports, DarpGravity.VOTE, Set.of("m")).status(),
                "vote keeps the disconnected slaves' last reports");
        assertEquals(UP, DarpGravity.combine(reports, DarpGravity.IETF, Set.of("m")));
        assertEquals(
                Status.DOWN, DarpGravity.combine(reports, DarpGravity.IETF, ALL).status());
    }

    @Test
    void ietfWithNobodyConnectedIsDown() {
        DarpOutcome o = DarpGravity.combine(List.of(up("s1")), DarpGravity.IETF, Set.of());
        assertEquals(downWith(Severity.CRITICAL), o);
    }

    @Test
    void selfUsesOnlyTheMastersOwnReport() {
        assertEquals(UP, combine(DarpGravity.SELF, up("m"), down("s1", Severity.CRITICAL)));
        assertEquals(downWith(Severity.MAJOR), combine(DarpGravity.SELF, down("m", Severity.MAJOR), up("s1")));
        assertEquals(
                new DarpOutcome(Status.DOWN, Severity.MINOR, true), combine(DarpGravity.SELF, override("m", null)));
        assertEquals(UP, combine(DarpGravity.SELF, down("s1", Severity.MAJOR)), "the master does not test it");
    }

    @Test
    void gravityParameter() {
        assertEquals(Optional.of(DarpGravity.DOWN), DarpGravity.fromParam(null));
        assertEquals(Optional.of(DarpGravity.IETF), DarpGravity.fromParam("IETF"));
        assertTrue(DarpGravity.fromParam("majority").isEmpty());
    }
}
