package org.argusee.darp.control.combine;

import static org.argusee.darp.control.combine.ReportCombinerTest.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Set;
import org.argusee.darp.control.duty.DarpParameters;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;
import org.junit.jupiter.api.Test;

/** The combined status over a sequence of reports, each step fed the previous outcome, as a master does. */
class QuorumSequenceTest {

    private static final Set<String> SLAVES = Set.of("s1", "s2", "s3");
    private final ReportCombiner combiner = new ReportCombiner(new DarpTopology("m", Set.of(), SLAVES));
    private DarpOutcome previous;

    private CombinedStatus step(DarpParameters object, String reports) {
        return step(object, reports, SLAVES);
    }

    private CombinedStatus step(DarpParameters object, String reports, Set<String> connected) {
        CombinedStatus c = combiner.combine(object, Reports.parse(reports), connected, previous, Severity.CRITICAL);
        previous = c.outcome();
        return c;
    }

    private static void expect(CombinedStatus c, Status status, Basis basis, List<String> failing) {
        assertEquals(status, c.status(), c.explanation());
        assertEquals(basis, c.basis(), c.explanation());
        assertEquals(failing, c.failingWhileUp(), c.explanation());
    }

    @Test
    void quorumNeedsNReportsDownToGoDownAndNotToStayDown() {
        DarpParameters object = params("distributed", "down", "darp_quorum", "2");
        expect(step(object, "s1=up s2=up s3=up"), Status.UP, Basis.GRAVITY, List.of());
        CombinedStatus held = step(object, "s1=down/minor s2=up s3=up");
        expect(held, Status.UP, Basis.QUORUM_NOT_MET, List.of("s1"));
        assertEquals(
                "darp_gravity down over 3 server(s) (2 up, 1 down, 0 override, 0 unknown): the gravity says"
                        + " down, but 1 report(s) down or override are fewer than darp_quorum 2: stays up",
                held.explanation());
        CombinedStatus down = step(object, "s1=down/minor s2=override/major s3=up");
        expect(down, Status.DOWN, Basis.GRAVITY, List.of());
        assertEquals(Severity.MAJOR, down.outcome().severity());
        expect(step(object, "s1=up s2=down/minor s3=up"), Status.DOWN, Basis.GRAVITY, List.of());
        expect(step(object, "s1=up s2=up s3=up"), Status.UP, Basis.GRAVITY, List.of());
        expect(step(object, "s1=up s2=up s3=down"), Status.UP, Basis.QUORUM_NOT_MET, List.of("s3"));
    }

    @Test
    void recoveryQuorumNeedsMReportsUpToComeBackAndKeepsTheDownAsItWas() {
        DarpParameters object = params("distributed", "up", "darp_recovery_quorum", "2");
        CombinedStatus down = step(object, "s1=down/minor s2=override/major s3=down/major");
        expect(down, Status.DOWN, Basis.GRAVITY, List.of());
        assertEquals(new DarpOutcome(Status.DOWN, Severity.MINOR, true), down.outcome(), "the mildest; override");
        CombinedStatus held = step(object, "s1=up s2=override/major s3=down/major");
        expect(held, Status.DOWN, Basis.RECOVERY_QUORUM_NOT_MET, List.of());
        assertSame(down.outcome(), held.outcome(), "severity and override as before");
        assertEquals(
                "darp_gravity up over 3 server(s) (1 up, 1 down, 1 override, 0 unknown): the gravity says up,"
                        + " but 1 report(s) up are fewer than darp_recovery_quorum 2: stays down",
                held.explanation());
        expect(step(object, "s1=up s2=up s3=down/major"), Status.UP, Basis.GRAVITY, List.of("s3"));
        expect(step(object, "s1=down s2=up s3=down/major"), Status.UP, Basis.GRAVITY, List.of("s1", "s3"));
    }

    @Test
    void bothQuorumsMakeAHysteresisWithVote() {
        DarpParameters object = params("redundant", "vote", "darp_quorum", "3", "darp_recovery_quorum", "4");
        expect(step(object, "m=up s1=up s2=down s3=down"), Status.UP, Basis.QUORUM_NOT_MET, List.of("s2", "s3"));
        expect(step(object, "m=up s1=down s2=down s3=down"), Status.DOWN, Basis.GRAVITY, List.of());
        expect(step(object, "m=up s1=up s2=up s3=down"), Status.DOWN, Basis.RECOVERY_QUORUM_NOT_MET, List.of());
        expect(step(object, "m=up s1=up s2=up s3=up"), Status.UP, Basis.GRAVITY, List.of());
    }

    @Test
    void aQuorumAboveTheServersCountedIsLoweredToThem() {
        DarpParameters object = params("distributed", "down", "darp_quorum", "5");
        expect(step(object, "s1=down s2=down s3=up"), Status.UP, Basis.QUORUM_NOT_MET, List.of("s1", "s2"));
        CombinedStatus down = step(object, "s1=down s2=down s3=down");
        expect(down, Status.DOWN, Basis.GRAVITY, List.of());
        previous = null;
        CombinedStatus held = step(object, "s1=down s2=up s3=up");
        assertEquals(
                "darp_gravity down over 3 server(s) (2 up, 1 down, 0 override, 0 unknown): the gravity says"
                        + " down, but 1 report(s) down or override are fewer than darp_quorum 5 (lowered to the 3 servers"
                        + " counted): stays up",
                held.explanation());
    }

    @Test
    void withIetfTheQuorumIsLoweredToTheServersConnectedNow() {
        DarpParameters object = params("distributed", "ietf", "darp_quorum", "2");
        expect(step(object, "s1=down s2=up s3=up", Set.of("s1")), Status.DOWN, Basis.GRAVITY, List.of());
        previous = null;
        expect(step(object, "s1=down s2=up", Set.of("s1", "s2", "s3")), Status.UP, Basis.QUORUM_NOT_MET, List.of("s1"));
    }

    @Test
    void noPreviousStatusCountsAsUpAndSilenceIsNoQuorum() {
        DarpParameters object = params("distributed", "down", "darp_quorum", "1");
        expect(step(object, ""), Status.UP, Basis.QUORUM_NOT_MET, List.of());
        expect(step(object, "s1=down"), Status.DOWN, Basis.GRAVITY, List.of());
        DarpParameters unset = params("distributed", "down");
        previous = null;
        expect(step(unset, ""), Status.DOWN, Basis.GRAVITY, List.of());
    }

    @Test
    void quorumsDoNotApplyToTheOwnResult() {
        DarpParameters object = params("redundant", "self", "darp_quorum", "3", "darp_recovery_quorum", "3");
        expect(step(object, "m=down s1=up s2=up"), Status.DOWN, Basis.OWN_RESULT, List.of());
        expect(step(object, "m=up s1=up s2=up"), Status.UP, Basis.OWN_RESULT, List.of());
    }
}
