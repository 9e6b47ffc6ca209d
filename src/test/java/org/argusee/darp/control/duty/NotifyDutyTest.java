package org.argusee.darp.control.duty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotifyDutyTest {

    private static final DarpTopology MASTER = new DarpTopology("m", Set.of(), Set.of("s1", "s2"));
    private static final DarpTopology SLAVE = new DarpTopology("s1", Set.of("m"), Set.of());

    private static NotifyDuty.Decision decide(DarpTopology here, Set<String> connected, String... kv) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put(kv[i], kv[i + 1]);
        }
        return NotifyDuty.decide(k -> Optional.ofNullable(params.get(k)), here, connected);
    }

    @Test
    void aLoneServerAlwaysNotifies() {
        NotifyDuty.Decision d = decide(DarpTopology.standalone("x"), Set.of(), NotifyDuty.SEND, "nobody");
        assertTrue(d.notifies());
        assertEquals("no DARP peers: notifies here", d.explanation());
    }

    @Test
    void byDefaultEveryServerNotifies() {
        assertTrue(decide(MASTER, Set.of("s1", "s2")).notifies());
        assertTrue(decide(SLAVE, Set.of("m")).notifies());
    }

    @Test
    void onlyTheServersListedNotify() {
        assertFalse(decide(MASTER, Set.of(), NotifyDuty.SEND, "SLAVES").notifies());
        assertTrue(decide(SLAVE, Set.of(), NotifyDuty.SEND, "SLAVES").notifies());
        assertTrue(decide(MASTER, Set.of(), NotifyDuty.SEND, "MASTERS").notifies());
        assertFalse(decide(SLAVE, Set.of(), NotifyDuty.SEND, "MASTERS").notifies());
        assertTrue(decide(SLAVE, Set.of(), NotifyDuty.SEND, "s1 s9").notifies());
        NotifyDuty.Decision d = decide(MASTER, Set.of(), NotifyDuty.SEND, "s1");
        assertFalse(d.notifies());
        assertEquals("slaves_send_notifies 's1' does not name 'm': does not notify", d.explanation());
    }

    @Test
    void lowGravityLetsTheLowestConnectedTagNotify() {
        // the master "m" sorts after "a"-tags but before "s1": with low, m notifies while it sees s1 and s2
        assertTrue(decide(MASTER, Set.of("s1", "s2"), NotifyDuty.GRAVITY, "low").notifies());
        NotifyDuty.Decision standing = decide(SLAVE, Set.of("m"), NotifyDuty.GRAVITY, "LOW");
        assertFalse(standing.notifies());
        assertEquals(
                "slaves_send_notifies '*', master_notif_gravity low among the connected servers it names"
                        + " (m, s1): 'm' notifies, not this server",
                standing.explanation());
        // the master gone: the duty moves to the slave, so the outage is not lost
        assertTrue(decide(SLAVE, Set.of(), NotifyDuty.GRAVITY, "low").notifies());
    }

    @Test
    void highGravityLetsTheHighestConnectedTagNotify() {
        assertFalse(decide(MASTER, Set.of("s2"), NotifyDuty.GRAVITY, "high").notifies());
        assertTrue(decide(MASTER, Set.of(), NotifyDuty.GRAVITY, "high").notifies());
        assertTrue(decide(SLAVE, Set.of("m"), NotifyDuty.GRAVITY, "high").notifies());
    }

    @Test
    void gravityCountsOnlyConnectedServersThatAreListed() {
        // s2 is connected but not listed, so it is no candidate; an unknown tag is ignored too
        assertTrue(decide(MASTER, Set.of("s2", "zz"), NotifyDuty.SEND, "m s1", NotifyDuty.GRAVITY, "high")
                .notifies());
        assertFalse(decide(MASTER, Set.of("s1"), NotifyDuty.SEND, "m s1", NotifyDuty.GRAVITY, "high")
                .notifies());
    }

    @Test
    void anUnknownGravityIsIgnoredAndSaidSo() {
        NotifyDuty.Decision d = decide(SLAVE, Set.of("m"), NotifyDuty.GRAVITY, "middle");
        assertTrue(d.notifies());
        assertTrue(d.explanation().contains("'middle' is neither low nor high (ignored)"), d.explanation());
    }

    private static boolean shared(String... kv) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put(kv[i], kv[i + 1]);
        }
        return NotifyDuty.sharedTelling(k -> Optional.ofNullable(params.get(k)));
    }

    /** Which objects one server's telling stands for another's: one status for all of them, not gravity self. */
    @Test
    void theServersShareATellingOnlyWhereTheObjectHasOneStatusForAll() {
        assertFalse(shared(), "mode none: nothing is served");
        assertTrue(shared("darp_mode", "failover"));
        assertTrue(shared("darp_mode", "failover", "darp_gravity", "self"));
        assertTrue(shared("darp_mode", "redundant"), "gravity down by default: combined");
        assertTrue(shared("darp_mode", "distributed", "darp_gravity", "vote"));
        assertTrue(shared("darp_mode", "redundant", "darp_gravity", "ietf"));
        assertFalse(shared("darp_mode", "redundant", "darp_gravity", "self"));
        assertFalse(shared("darp_mode", "Distributed", "darp_gravity", "Self"));
    }
}
