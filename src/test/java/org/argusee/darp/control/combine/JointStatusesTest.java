package org.argusee.darp.control.combine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.argusee.darp.control.duty.DarpParameters;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.status.control.JointStatus;
import org.argusee.status.control.ServiceStatus;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;
import org.junit.jupiter.api.Test;

/** A combined outcome as the status a service shows: severity, since, override, and a reason naming servers. */
class JointStatusesTest {

    private static final DarpTopology MASTER = new DarpTopology("m", Set.of(), Set.of("s1", "s2", "s3"));
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private final Map<String, LastReport> reports = new HashMap<>();

    private void report(String tag, Status status, Severity severity, String reason, boolean override) {
        reports.put(tag, new LastReport(tag, status, severity, reason, override, T0));
    }

    private CombinedStatus combine(String gravity, DarpOutcome previous, String... more) {
        Map<String, String> p = new HashMap<>(Map.of("darp_mode", "redundant", "darp_gravity", gravity));
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        List<DarpReport> darp = reports.values().stream()
                .map(r -> r.toDarpReport(r.tag().equals("m")))
                .toList();
        return new ReportCombiner(MASTER)
                .combine(DarpParameters.from(p), darp, Set.of("s1", "s2", "s3"), previous, Severity.MAJOR);
    }

    @Test
    void downNamesEachServerWithItsReasonInTagOrder() {
        report("m", Status.UP, Severity.CLEAR, null, false);
        report("s2", Status.DOWN, Severity.MINOR, "timeout", false);
        report("s1", Status.DOWN, Severity.CRITICAL, "connection refused", false);
        report("s3", Status.UP, Severity.CLEAR, null, false);

        JointStatus j = JointStatuses.of(combine("down", null), reports, null, T1);

        assertEquals(Status.DOWN, j.status().status());
        assertEquals(Severity.CRITICAL, j.status().severity(), "gravity down: the worst");
        assertEquals("down on s1 (connection refused), s2 (timeout)", j.status().reason());
        assertEquals(T1, j.status().since());
        assertFalse(j.overridden());
    }

    @Test
    void sinceIsKeptWhileTheStatusHoldsAndMovesWhenItChanges() {
        report("m", Status.DOWN, Severity.MAJOR, "refused", false);
        report("s1", Status.DOWN, Severity.MAJOR, null, false);
        ServiceStatus before = new ServiceStatus(Status.DOWN, 0, Severity.MAJOR, T0, "down on m (refused)");

        JointStatus still = JointStatuses.of(combine("down", null), reports, before, T1);
        assertEquals(T0, still.status().since(), "still down: since kept");
        assertEquals("down on m (refused), s1", still.status().reason(), "a server without a reason by its tag");

        report("m", Status.UP, Severity.CLEAR, null, false);
        report("s1", Status.UP, Severity.CLEAR, null, false);
        JointStatus up = JointStatuses.of(combine("down", null), reports, before, T1);
        assertEquals(Status.UP, up.status().status());
        assertEquals(Severity.CLEAR, up.status().severity());
        assertNull(up.status().reason());
        assertEquals(T1, up.status().since(), "changed: since now");
    }

    @Test
    void downOnlyThroughAnOverrideShowsOverride() {
        report("m", Status.UP, Severity.CLEAR, null, false);
        report("s1", Status.DOWN, Severity.MAJOR, "maintenance", true);

        JointStatus j = JointStatuses.of(combine("down", null), reports, null, T1);

        assertTrue(j.overridden());
        assertEquals(Status.DOWN, j.status().status());
        assertEquals("override on s1 (maintenance)", j.status().reason());

        report("s2", Status.DOWN, Severity.MAJOR, "timeout", false);
        JointStatus mixed = JointStatuses.of(combine("down", null), reports, null, T1);
        assertFalse(mixed.overridden(), "a real down among them: down");
        assertEquals(
                "down on s2 (timeout); override on s1 (maintenance)",
                mixed.status().reason());
    }

    @Test
    void downWithNobodyFailingSaysWhyAndQuorumHoldKeepsIt() {
        JointStatus nobody = JointStatuses.of(combine("down", null), reports, null, T1);
        assertEquals(Status.DOWN, nobody.status().status(), "nobody reported: none up");
        assertEquals(Severity.MAJOR, nobody.status().severity(), "the object's severity");
        assertTrue(
                nobody.status()
                        .reason()
                        .startsWith("darp_gravity down over 4 server(s) (0 up, 0 down, 0" + " override, 4 unknown)"),
                nobody.status().reason());

        report("m", Status.UP, Severity.CLEAR, null, false);
        report("s1", Status.DOWN, Severity.MINOR, "timeout", false);
        CombinedStatus held = combine("down", null, "darp_quorum", "2");
        assertEquals(Basis.QUORUM_NOT_MET, held.basis());
        JointStatus up = JointStatuses.of(held, reports, null, T1);
        assertEquals(Status.UP, up.status().status(), "one down of a quorum of 2: stays up");
        assertEquals(List.of("s1"), held.failingWhileUp());
    }
}
