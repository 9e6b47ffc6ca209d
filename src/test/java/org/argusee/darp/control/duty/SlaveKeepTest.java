package org.argusee.darp.control.duty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.argusee.darp.control.duty.SlaveKeep.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Who tells a transition a slave left to its linked master: the master once it applied the report (or a newer one
 * of the object), the slave if the link fell first (reliability.md, chaos: a DOWN told by nobody).
 */
class SlaveKeepTest {

    private static final DarpTopology SLAVE = new DarpTopology("slave1", Set.of("master"), Set.of());
    private static final Instant T = Instant.parse("2026-12-07T20:59:07.630Z");
    private final SlaveKeep keep = new SlaveKeep(Duration.ofSeconds(60));

    private SlaveKeep.Ticket ticket() {
        return new SlaveKeep.Ticket("master", keep.falls());
    }

    @Test
    void theMasterKilledAsTheSlaveSawTheDownTheSlaveTellsItEvenIfTheMasterLaterGetsOnlyTheUp() {
        keep.keep(1, "Top:Chaos:c2", T, ticket(), T);
        assertEquals(Outcome.WAIT, keep.outcome(1, T.plusMillis(500)), "no ack yet, the link up");
        keep.linkFell();
        // the master back, the DOWN replaced in the slave's queue by the UP: the master applies only the UP
        keep.applied("Top:Chaos:c2", T.plusSeconds(1));
        assertEquals(Outcome.TELL, keep.outcome(1, T.plusSeconds(2)), "the first answer stands");
    }

    @Test
    void aTransitionTheMasterAppliedIsItsToTellEvenIfTheLinkFallsAfter() {
        keep.keep(1, "Top:a", T, ticket(), T);
        keep.applied("Top:a", T);
        keep.linkFell();
        assertEquals(Outcome.MASTERS, keep.outcome(1, T.plusSeconds(1)));
    }

    @Test
    void aNewerStateAppliedCoversAnOlderOneReplacedInTheQueue() {
        keep.keep(1, "Top:a", T, ticket(), T);
        keep.keep(2, "Top:a", T.plusSeconds(1), ticket(), T.plusSeconds(1));
        keep.applied("Top:a", T.plusSeconds(1));
        assertEquals(Outcome.MASTERS, keep.outcome(1, T.plusSeconds(2)), "the master's view never showed it");
        assertEquals(Outcome.MASTERS, keep.outcome(2, T.plusSeconds(2)));
    }

    @Test
    void anOlderStateAppliedOrAnotherObjectsSettlesNothing() {
        keep.keep(1, "Top:a", T, ticket(), T);
        keep.applied("Top:a", T.minusSeconds(1));
        keep.applied("Top:b", T.plusSeconds(1));
        assertEquals(Outcome.WAIT, keep.outcome(1, T.plusSeconds(2)));
    }

    @Test
    void aFallBetweenTheDecisionAndTheKeepingIsSeen() {
        SlaveKeep.Ticket before = ticket();
        keep.linkFell();
        keep.keep(1, "Top:a", T, before, T);
        assertEquals(Outcome.TELL, keep.outcome(1, T));
    }

    @Test
    void aTransitionNotKnownHereIsToldAndOneNeverSettledIsTheMastersAfterTheHold() {
        assertEquals(Outcome.TELL, keep.outcome(42, T), "kept before this server started");
        keep.keep(1, "Top:a", T, ticket(), T);
        assertEquals(Outcome.WAIT, keep.outcome(1, T.plusSeconds(59)));
        assertEquals(Outcome.MASTERS, keep.outcome(1, T.plusSeconds(60)), "linked all along: the master has it");
    }

    @Test
    void settledOnesAreForgotten() {
        keep.keep(1, "Top:a", T, ticket(), T);
        keep.keep(2, "Top:b", T, ticket(), T);
        keep.keep(3, "Top:c", T, ticket(), T);
        keep.applied("Top:b", T);
        keep.forget(List.of(1L), T.plusSeconds(1));
        assertEquals(2, keep.size());
        keep.forget(List.of(), T.plusSeconds(3600));
        assertEquals(1, keep.size(), "the settled one nobody asked for goes; the waiting one stays");
    }

    private static Optional<String> leftTo(Set<String> connected, String... kv) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put(kv[i], kv[i + 1]);
        }
        return SlaveKeep.leftTo(k -> Optional.ofNullable(params.get(k)), SLAVE, connected);
    }

    @Test
    void onlyWhatTheSlaveWouldTellButForItsLinkedMasterIsKept() {
        String[] shared = {"darp_mode", "distributed", "darp_gravity", "low", NotifyDuty.GRAVITY, "low"};
        assertEquals(Optional.of("master"), leftTo(Set.of("master"), shared));
        assertEquals(Optional.empty(), leftTo(Set.of(), shared), "the master away: the slave tells it anyway");
        assertEquals(
                Optional.empty(),
                leftTo(Set.of("master"), "darp_mode", "failover", NotifyDuty.GRAVITY, "high"),
                "the duty is the slave's");
        assertEquals(
                Optional.empty(),
                leftTo(Set.of("master"), "darp_mode", "failover", NotifyDuty.SEND, "MASTERS"),
                "never the slave's");
        assertEquals(
                Optional.empty(),
                leftTo(Set.of("master"), "darp_mode", "distributed", "darp_gravity", "self", NotifyDuty.GRAVITY, "low"),
                "gravity self: each server's own result, the master's telling is not the slave's");
        assertEquals(
                Optional.empty(),
                SlaveKeep.leftTo(
                        k -> Optional.ofNullable(Map.of("darp_mode", "failover", NotifyDuty.GRAVITY, "low")
                                .get(k)),
                        new DarpTopology("master", Set.of(), Set.of("slave1")),
                        Set.of("slave1")),
                "a master keeps nothing for a slave");
    }
}
