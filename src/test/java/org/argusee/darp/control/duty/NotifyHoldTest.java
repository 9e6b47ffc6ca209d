package org.argusee.darp.control.duty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotifyHoldTest {

    private static final DarpTopology MASTER = new DarpTopology("m", Set.of(), Set.of("s1", "s2"));
    private static final Instant STARTED = Instant.parse("2026-12-07T06:00:00Z");
    private static final NotifyHold HOLD = new NotifyHold(Duration.ofSeconds(5), Duration.ofSeconds(60));

    private static Optional<Instant> until(
            DarpTopology here, Map<String, NotifyHold.Link> links, Instant now, String... kv) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put(kv[i], kv[i + 1]);
        }
        return HOLD.until(k -> Optional.ofNullable(params.get(k)), here, links, STARTED, now);
    }

    private static NotifyHold.Link up(int secondsAfterStart) {
        return new NotifyHold.Link(true, STARTED.plusSeconds(secondsAfterStart));
    }

    private static NotifyHold.Link down(int secondsAfterStart) {
        return new NotifyHold.Link(false, STARTED.plusSeconds(secondsAfterStart));
    }

    @Test
    void nothingIsHeldWithoutSlavesOrForObjectsNoSlaveHas() {
        Instant now = STARTED.plusSeconds(1);
        assertEquals(Optional.empty(), until(DarpTopology.standalone("m"), Map.of(), now, "darp_mode", "failover"));
        assertEquals(
                Optional.empty(),
                until(new DarpTopology("s1", Set.of("m"), Set.of()), Map.of(), now, "darp_mode", "failover"));
        assertEquals(Optional.empty(), until(MASTER, Map.of(), now), "darp_mode none: only this server tests it");
    }

    @Test
    void aMasterJustStartedWaitsForItsSlavesUntilTheyReportedOrTheGraceEnds() {
        Map<String, NotifyHold.Link> links = new HashMap<>();
        Instant now = STARTED.plusSeconds(10);
        assertEquals(Optional.of(STARTED.plusSeconds(60)), until(MASTER, links, now, "darp_mode", "failover"));
        links.put("s1", up(8));
        links.put("s2", up(9));
        assertEquals(Optional.of(STARTED.plusSeconds(14)), until(MASTER, links, now, "darp_mode", "redundant"));
        assertEquals(Optional.empty(), until(MASTER, links, STARTED.plusSeconds(15), "darp_mode", "failover"));
        assertEquals(Optional.empty(), HOLD.anyUntil(MASTER, links, STARTED, STARTED.plusSeconds(15)));
    }

    @Test
    void aSlaveLostIsWaitedForOnlyDuringTheGraceAndOnlyIfItMayNotify() {
        Map<String, NotifyHold.Link> links = Map.of("s1", down(100), "s2", up(0));
        assertEquals(
                Optional.of(STARTED.plusSeconds(160)),
                until(MASTER, links, STARTED.plusSeconds(120), "darp_mode", "failover"));
        assertEquals(
                Optional.empty(),
                until(MASTER, links, STARTED.plusSeconds(120), "darp_mode", "failover", "slaves_send_notifies", "m s2"),
                "s1 never notifies");
        assertEquals(Optional.empty(), until(MASTER, links, STARTED.plusSeconds(161), "darp_mode", "failover"));
    }

    /**
     * With gravity self each server shows and tells its own result: what a slave told is no telling of the master's,
     * so the master waits for nothing (found beside Argus 3.7: bench/darp-beside-argus37.sh).
     */
    @Test
    void nothingIsHeldForGravitySelfWhoseTellingIsEachServersOwn() {
        Instant now = STARTED.plusSeconds(10);
        assertEquals(Optional.empty(), until(MASTER, Map.of(), now, "darp_mode", "redundant", "darp_gravity", "self"));
        assertEquals(
                Optional.empty(), until(MASTER, Map.of(), now, "darp_mode", "distributed", "darp_gravity", "SELF"));
        assertEquals(
                Optional.of(STARTED.plusSeconds(60)),
                until(MASTER, Map.of(), now, "darp_mode", "failover", "darp_gravity", "self"),
                "failover: one status for all, whatever the gravity");
        assertEquals(
                Optional.of(STARTED.plusSeconds(60)),
                until(MASTER, Map.of(), now, "darp_mode", "redundant", "darp_gravity", "vote"));
    }
}
