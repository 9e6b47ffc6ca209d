package org.argusee.darp.control.combine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.argusee.darp.control.duty.DarpParameters;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.status.control.DisplayState;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportCombinerTest {

    private static final DarpTopology MASTER = new DarpTopology("m", Set.of(), Set.of("s1", "s2", "s3"));
    private static final Set<String> ALL_CONNECTED = Set.of("s1", "s2", "s3");

    private final ReportCombiner combiner = new ReportCombiner(MASTER);

    static DarpParameters params(String mode, String gravity, String... more) {
        Map<String, String> p = new HashMap<>(Map.of("darp_mode", mode, "darp_gravity", gravity));
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return DarpParameters.from(p);
    }

    private static Set<String> tags(String text) {
        return text == null || text.isBlank() ? Set.of() : Set.of(text.strip().split("\\s+"));
    }

    /**
     * Mode redundant (m, s1, s2, s3 test) unless noted; the object's own severity is major. connected: the
     * slaves connected now; failing: the servers listed as failing while the status is up.
     */
    @ParameterizedTest(name = "{0} {1} [{2}] connected [{3}] -> {4} {5} override={6} failing [{7}]")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            # down: any down or override, or none up; the worst severity
            down | redundant   | m=up s1=up s2=up s3=up                        | s1 s2 s3 | up   | clear    | false |
            down | redundant   | m=up s1=up s2=up                              | s1 s2 s3 | up   | clear    | false |
            down | redundant   | m=up s1=down/minor s2=up s3=up                | s1 s2 s3 | down | minor    | false |
            down | redundant   | m=up s1=down/minor s2=down/critical s3=up      | s1 s2 s3 | down | critical | false |
            down | redundant   | m=up s1=override/minor s2=up s3=up            | s1 s2 s3 | down | minor    | true  |
            down | redundant   | s1=override/major s2=down/warning             | s1 s2 s3 | down | major    | false |
            down | redundant   |                                               | s1 s2 s3 | down | major    | false |
            down | redundant   | m=up s1=down                                  | s1 s2 s3 | down | major    | false |
            down | redundant   | m=up s1=down/minor s2=up s3=up                | s2 s3    | down | minor    | false |
            # up: down only when none is up and one is down or override; the mildest severity
            up   | redundant   | m=up s1=down/critical s2=down s3=down         | s1 s2 s3 | up   | clear    | false | s1 s2 s3
            up   | redundant   | m=down/critical s1=down/warning               | s1 s2 s3 | down | warning  | false |
            up   | redundant   |                                               | s1 s2 s3 | up   | clear    | false |
            up   | redundant   | s1=override/minor                             | s1 s2 s3 | down | minor    | true  |
            up   | redundant   | m=down/major s1=override/minor                | s1 s2 s3 | down | minor    | true  |
            up   | redundant   | s1=up s2=down/critical                        |          | up   | clear    | false | s2
            # vote: down when up reports <= down + override; unknown counts for no side
            vote | redundant   | m=up s1=up s2=down/minor                      | s1 s2 s3 | up   | clear    | false | s2
            vote | redundant   | m=up s1=down/major s2=down/warning s3=up      | s1 s2 s3 | down | warning  | false |
            vote | redundant   | m=up s1=override/major s2=down/critical s3=up | s1 s2 s3 | down | major    | true  |
            vote | redundant   | m=up s1=override/major s2=down/critical s3=down/critical | s1 s2 s3 | down | major | false |
            vote | redundant   |                                               | s1 s2 s3 | down | major    | false |
            vote | redundant   | m=up s1=down/minor s2=down/minor              |          | down | minor    | false |
            # ietf: like vote over this server and the slaves connected now
            ietf | redundant   | m=up s1=down/minor s2=down/minor s3=up        | s3       | up   | clear    | false |
            ietf | redundant   | m=up s1=down/minor s2=down/minor s3=up        | s1 s2 s3 | down | minor    | false |
            ietf | redundant   | m=up s1=down/minor s2=up                      | s1 s9    | down | minor    | false |
            ietf | distributed | s1=up s2=up                                   |          | down | major    | false |
            ietf | distributed | s1=up s2=down/minor                           | s1       | up   | clear    | false |
            ietf | redundant   | m=override/minor s1=up s2=down/warning        | s1 s2    | down | warning  | true  |
            # distributed: the master is not counted (SLAVES), its own report is ignored
            down | distributed | m=down/critical s1=up s2=up s3=up             | s1 s2 s3 | up   | clear    | false |
            vote | distributed | m=down s1=up s2=down/minor                    | s1 s2 s3 | down | minor    | false |
            up   | distributed | m=up s1=down/minor                            | s1 s2 s3 | down | minor    | false |
            """)
    void everyGravityWithMixedReports(
            String gravity,
            String mode,
            String reports,
            String connected,
            String status,
            String severity,
            boolean override,
            String failing) {
        CombinedStatus c =
                combiner.combine(params(mode, gravity), Reports.parse(reports), tags(connected), null, Severity.MAJOR);
        assertEquals(status, c.status().label(), c.explanation());
        assertEquals(severity, c.outcome().severity().label(), c.explanation());
        assertEquals(override, c.outcome().override(), c.explanation());
        assertEquals(failing == null ? List.of() : List.of(failing.split(" ")), c.failingWhileUp(), c.explanation());
        assertEquals(Basis.GRAVITY, c.basis());
    }

    @Test
    void everyServerInTheTagsIsCountedAndOnlyThoseUnknownIfSilent() {
        CombinedStatus c = combiner.combine(
                params("distributed", "down", "darp_tags", "s1 s2 s9"),
                Reports.parse("s1=up s3=down/critical"),
                ALL_CONNECTED,
                null,
                Severity.MAJOR);
        assertEquals(
                List.of(
                        new DarpReport("s1", DarpState.UP, Severity.CLEAR, false),
                        DarpReport.never("s2"),
                        DarpReport.never("s9")),
                c.counted());
        assertEquals(Status.UP, c.status(), "s3 is not in darp_tags; s9 never reported");
        assertEquals("darp_gravity down over 3 server(s) (1 up, 0 down, 0 override, 2 unknown): up", c.explanation());
    }

    @Test
    void ietfSaysWhatItCounted() {
        CombinedStatus c = combiner.combine(
                params("redundant", "ietf"), Reports.parse("m=up s1=down/minor"), Set.of("s1"), null, Severity.MAJOR);
        assertEquals(
                List.of("m", "s1"), c.counted().stream().map(DarpReport::tag).toList());
        assertTrue(c.counted().get(0).self());
        assertEquals(
                "darp_gravity ietf over the 2 server(s) connected now (1 up, 1 down, 0 override, 0 unknown):" + " down",
                c.explanation());
    }

    @Test
    void gravitySelfUsesTheOwnResultAndStillShowsFailingSlaves() {
        CombinedStatus c = combiner.combine(
                params("redundant", "self"),
                Reports.parse("m=up s1=down s2=override"),
                ALL_CONNECTED,
                null,
                Severity.MAJOR);
        assertEquals(Status.UP, c.status());
        assertEquals(Basis.OWN_RESULT, c.basis());
        assertEquals(List.of("s1", "s2"), c.failingWhileUp());
        assertTrue(c.hasFailingWhileUp());
        assertEquals("darp_gravity self: this server's own result", c.explanation());

        CombinedStatus down = combiner.combine(
                params("redundant", "self"), Reports.parse("m=down/minor s1=up"), ALL_CONNECTED, null, Severity.MAJOR);
        assertEquals(Status.DOWN, down.status());
        assertEquals(Severity.MINOR, down.outcome().severity());
        assertFalse(down.hasFailingWhileUp());
    }

    @Test
    void aMasterThatDoesNotTestWithGravitySelfIsUp() {
        CombinedStatus c = combiner.combine(
                params("distributed", "self"), Reports.parse("s1=down"), ALL_CONNECTED, null, Severity.MAJOR);
        assertEquals(Status.UP, c.status());
        assertEquals("darp_gravity self: this server's own result (none yet: up)", c.explanation());
        assertEquals(List.of("s1"), c.failingWhileUp());
    }

    @Test
    void failoverAndNoneUseTheOwnResultWhateverTheSlavesSay() {
        CombinedStatus failover = combiner.combine(
                params("failover", "down"), Reports.parse("m=up s1=down"), ALL_CONNECTED, null, Severity.MAJOR);
        assertEquals(Status.UP, failover.status());
        assertEquals(Basis.OWN_RESULT, failover.basis());
        assertEquals("darp_mode failover: this server's own result", failover.explanation());
        CombinedStatus none = combiner.combine(
                params("none", "vote"),
                Reports.parse("m=down/warning s1=up s2=up"),
                ALL_CONNECTED,
                null,
                Severity.MAJOR);
        assertEquals(Status.DOWN, none.status());
        assertEquals(Severity.WARNING, none.outcome().severity());
        assertEquals(List.of(), none.failingWhileUp());
    }

    @Test
    void aServerWithoutSlavesHasOnlyItsOwnResult() {
        ReportCombiner slave = new ReportCombiner(new DarpTopology("s1", Set.of("m"), Set.of()));
        CombinedStatus c = slave.combine(
                params("distributed", "down"), Reports.parse("s1=override/minor"), Set.of(), null, Severity.MAJOR);
        assertEquals(DisplayState.OVERRIDE, c.outcome().display());
        assertEquals("no slaves: this server's own result", c.explanation());
    }

    @Test
    void theOwnReportIsMarkedSelfWhateverTheCallerSaid() {
        List<DarpReport> reports = List.of(
                new DarpReport("m", DarpState.DOWN, Severity.MINOR, false),
                new DarpReport("s1", DarpState.UP, Severity.CLEAR, true));
        CombinedStatus c = combiner.combine(params("redundant", "self"), reports, ALL_CONNECTED, null, Severity.MAJOR);
        assertEquals(Status.DOWN, c.status());
    }

    @Test
    void twoReportsFromOneServerAreRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> combiner.combine(
                        params("redundant", "down"),
                        Reports.parse("s1=up s1=down"),
                        ALL_CONNECTED,
                        null,
                        Severity.MAJOR));
        assertEquals("two reports from DARP server 's1' for one object", e.getMessage());
    }
}
