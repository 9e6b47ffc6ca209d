package org.argusee.darp.control.duty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.argusee.darp.control.duty.Duty.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestDutyTest {

    /** M masters s1 and s2; s1 is a slave of M and M2; x is a slave of M and the master of s3. */
    private static final Map<String, DarpTopology> SERVERS = Map.of(
            "M", new DarpTopology("M", Set.of(), Set.of("s1", "s2")),
            "s1", new DarpTopology("s1", Set.of("M", "M2"), Set.of()),
            "x", new DarpTopology("x", Set.of("M"), Set.of("s3")),
            "lone", DarpTopology.standalone("lone"));

    private static Duty decide(String server, String mode, String tags, String mastersUp) {
        Map<String, String> params = new HashMap<>();
        params.put("darp_mode", mode);
        if (tags != null) {
            params.put("darp_tags", tags);
        }
        Set<String> up = mastersUp == null ? Set.of() : Set.of(mastersUp.split(" "));
        return TestDuty.decide(DarpParameters.from(params), SERVERS.get(server), up);
    }

    /** tags: empty means unset (the mode's default); mastersUp: empty means none. */
    @ParameterizedTest(name = "{0} {1} tags=''{2}'' up=''{3}'' -> {4}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            # every mode with every tag form, on the master M (no masters of its own)
            M | none        |         |       | true  | MODE_NONE
            M | none        | s1      |       | true  | MODE_NONE
            M | distributed |         |       | false | NOT_TAGGED
            M | distributed | *       |       | true  | TAGGED
            M | distributed | SLAVES  |       | false | NOT_TAGGED
            M | distributed | MASTERS |       | true  | TAGGED
            M | distributed | LOCAL   |       | false | NOT_TAGGED
            M | distributed | s1      |       | false | NOT_TAGGED
            M | distributed | M       |       | true  | TAGGED
            M | distributed | s2 M    |       | true  | TAGGED
            M | redundant   |         |       | true  | TAGGED
            M | redundant   | *       |       | true  | TAGGED
            M | redundant   | SLAVES  |       | false | NOT_TAGGED
            M | redundant   | MASTERS |       | true  | TAGGED
            M | redundant   | LOCAL   |       | false | NOT_TAGGED
            M | redundant   | s1      |       | false | NOT_TAGGED
            M | redundant   | s2 M    |       | true  | TAGGED
            M | failover    |         |       | true  | FAILOVER_MASTER
            M | failover    | *       |       | true  | FAILOVER_MASTER
            M | failover    | SLAVES  |       | false | NOT_TAGGED
            M | failover    | MASTERS |       | true  | FAILOVER_MASTER
            M | failover    | LOCAL   |       | false | NOT_TAGGED
            M | failover    | s1      |       | false | NOT_TAGGED
            M | failover    | M       |       | true  | FAILOVER_MASTER
            # the slave s1, with its masters M and M2 up or down
            s1 | none        |         |      | true  | MODE_NONE
            s1 | none        | M       | M    | true  | MODE_NONE
            s1 | distributed |         |      | true  | TAGGED
            s1 | distributed |         | M M2 | true  | TAGGED
            s1 | distributed | *       | M    | true  | TAGGED
            s1 | distributed | SLAVES  | M    | true  | TAGGED
            s1 | distributed | MASTERS | M    | false | NOT_TAGGED
            s1 | distributed | LOCAL   | M    | false | NOT_TAGGED
            s1 | distributed | s1      | M    | true  | TAGGED
            s1 | distributed | s2 M    | M    | false | NOT_TAGGED
            s1 | distributed | s2 M    |      | false | NOT_TAGGED
            s1 | redundant   |         | M    | true  | TAGGED
            s1 | redundant   | *       |      | true  | TAGGED
            s1 | redundant   | SLAVES  | M    | true  | TAGGED
            s1 | redundant   | MASTERS | M    | false | NOT_TAGGED
            s1 | redundant   | LOCAL   | M    | false | NOT_TAGGED
            s1 | redundant   | s1      | M    | true  | TAGGED
            s1 | redundant   | M       |      | false | NOT_TAGGED
            s1 | failover    |         |      | true  | FAILOVER_TAKEOVER
            s1 | failover    |         | M    | false | FAILOVER_STANDBY
            s1 | failover    |         | M2   | false | FAILOVER_STANDBY
            s1 | failover    |         | M M2 | false | FAILOVER_STANDBY
            s1 | failover    | *       |      | true  | FAILOVER_TAKEOVER
            s1 | failover    | *       | M2   | false | FAILOVER_STANDBY
            s1 | failover    | SLAVES  |      | true  | FAILOVER_TAKEOVER
            s1 | failover    | SLAVES  | M    | false | FAILOVER_STANDBY
            s1 | failover    | s1      |      | true  | FAILOVER_TAKEOVER
            s1 | failover    | s1      | M    | false | FAILOVER_STANDBY
            s1 | failover    | MASTERS |      | false | NOT_TAGGED
            s1 | failover    | MASTERS | M    | false | NOT_TAGGED
            s1 | failover    | LOCAL   |      | false | NOT_TAGGED
            s1 | failover    | s2 M    |      | false | NOT_TAGGED
            # a master that is also a slave: SLAVES and MASTERS both include it, failover treats it as a master
            x | distributed |         |      | true  | TAGGED
            x | distributed | MASTERS | M    | true  | TAGGED
            x | distributed | s3      | M    | false | NOT_TAGGED
            x | failover    |         | M    | true  | FAILOVER_MASTER
            x | failover    | SLAVES  | M    | true  | FAILOVER_MASTER
            x | failover    | SLAVES  |      | true  | FAILOVER_MASTER
            x | failover    | s3      |      | false | NOT_TAGGED
            # no peers at all: everything is tested here
            lone | distributed |       |      | true  | NO_PEERS
            lone | failover    | other |      | true  | NO_PEERS
            lone | redundant   | SLAVES |     | true  | NO_PEERS
            lone | none        |       |      | true  | NO_PEERS
            """)
    void everyModeWithEveryTagForm(
            String server, String mode, String tags, String mastersUp, boolean test, Reason reason) {
        Duty duty = decide(server, mode, tags, mastersUp);
        assertEquals(test, duty.test(), duty.explanation());
        assertEquals(reason, duty.reason(), duty.explanation());
    }

    @Test
    void anUnsetModeIsNone() {
        Duty duty = TestDuty.decide(DarpParameters.from(Map.of()), SERVERS.get("s1"), Set.of("M"));
        assertEquals(Reason.MODE_NONE, duty.reason());
    }

    @Test
    void mastersUpThatAreNotThisServersMastersDoNotCount() {
        assertTrue(decide("s1", "failover", null, "s2 M9").test(), "neither is a master of s1");
    }

    @Test
    void explanationsNameTheModeTheTagsAndTheServers() {
        assertEquals(
                "darp_mode failover, darp_tags '*', masters M, M2 are up: standing by",
                decide("s1", "failover", null, "M M2").explanation());
        assertEquals(
                "darp_mode failover, darp_tags '*', every master is down (M, M2): tested here until one" + " returns",
                decide("s1", "failover", null, null).explanation());
        Duty notTagged = decide("M", "distributed", null, null);
        assertFalse(notTagged.test());
        assertEquals(
                "darp_mode distributed, darp_tags 'SLAVES' does not name 'M': not tested here",
                notTagged.explanation());
    }

    @Test
    void keywordsAreReadInAnyCase() {
        assertTrue(decide("s1", "distributed", "slaves", "M").test());
        assertEquals(Reason.TAGGED, decide("M", "Redundant", "masters", null).reason());
    }
}
