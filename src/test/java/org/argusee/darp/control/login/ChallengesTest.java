package org.argusee.darp.control.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The challenge table under a flood (issue 15, finding 6): caps per network, per tag and in all evict the oldest of
 * the busiest group, so outsiders cannot keep a real slave from getting and using a challenge.
 */
class ChallengesTest {

    final Instant now = Instant.parse("2026-12-06T00:00:00Z");
    int nonces;

    private Challenges.Challenge issue(Challenges table, String tag, String address) {
        String nonce = "n" + nonces++;
        return table.issue(tag, "c", nonce, "salt", 4096, address, now);
    }

    @Test
    void aFloodFromOneNetworkEvictsOnlyItsOwnOldest() {
        Challenges table = new Challenges(Duration.ofSeconds(30), 20, 1000, 10_000);
        Challenges.Challenge slave = issue(table, "slave1", "192.0.2.10");
        Challenges.Challenge first = issue(table, "x", "198.51.100.1");
        for (int i = 0; i < 500; i++) {
            issue(table, "x" + i, "198.51.100." + (i % 250 + 2)); // every address of the /24
        }
        assertEquals(21, table.outstanding(), "20 for the flooding /24, 1 for the slave");
        assertTrue(table.take(first.nonce(), now).isEmpty(), "the flood's oldest was evicted");
        assertTrue(table.take(slave.nonce(), now).isPresent(), "the slave's challenge is still there");
    }

    @Test
    void aFloodForTheSlavesTagFromOtherNetworksLeavesItsChallenge() {
        Challenges table = new Challenges(Duration.ofSeconds(30), 1000, 20, 10_000);
        Challenges.Challenge slave = issue(table, "slave1", "192.0.2.10");
        for (int i = 0; i < 300; i++) {
            issue(table, "slave1", (i % 2 == 0 ? "198.51.100." : "203.0.113.") + (i % 200 + 1));
        }
        assertEquals(20, table.outstanding());
        assertTrue(table.take(slave.nonce(), now).isPresent(), "evicted from the busiest network, not the slave's");
        Challenges.Challenge again = issue(table, "slave1", "192.0.2.10");
        assertTrue(table.take(again.nonce(), now).isPresent(), "never refused");
    }

    @Test
    void aFullTableEvictsFromTheBusiestNetwork() {
        Challenges table = new Challenges(Duration.ofSeconds(30), 1000, 1000, 50);
        Challenges.Challenge slave = issue(table, "slave1", "192.0.2.10");
        for (int i = 0; i < 400; i++) {
            issue(table, "t" + i, "2001:db8:0:" + (i % 4) + "::" + Integer.toHexString(i + 1));
        }
        assertEquals(50, table.outstanding());
        assertTrue(table.take(slave.nonce(), now).isPresent());
    }

    @Test
    void expiredChallengesGoFirstAndAreNotUsable() {
        Challenges table = new Challenges(Duration.ofSeconds(30), 20, 20, 100);
        Challenges.Challenge old = issue(table, "slave1", "192.0.2.10");
        assertTrue(table.take(old.nonce(), now.plusSeconds(31)).isEmpty());
        assertEquals(0, table.outstanding());
    }

    @Test
    void networksAreSlash24AndSlash64AndNamesAreNeverLookedUp() {
        assertEquals("192.0.2.0/24", NetworkPrefix.of("192.0.2.77"));
        assertEquals("2001:db8:1:2::/64", NetworkPrefix.of("2001:db8:1:2:aaaa::1"));
        assertEquals("2001:db8:1:2::/64", NetworkPrefix.of("2001:db8:1:2::9%eth0"));
        assertEquals("0:0:0:0::/64", NetworkPrefix.of("::1"));
        assertEquals("not.an.address", NetworkPrefix.of("not.an.address"));
        assertEquals("zz:zz", NetworkPrefix.of("zz:zz"));
    }
}
