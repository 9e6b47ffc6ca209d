package org.argusee.darp.control.duty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.argusee.darp.control.combine.DarpGravity;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.ParameterIssue;
import org.argusee.tree.control.ParameterValidator;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DarpParametersTest {

    private final ParameterValidator validator = new ParameterValidator(ParameterCatalog.standard());

    @Test
    void nothingSetIsModeNoneGravityDownNoQuorums() {
        DarpParameters p = DarpParameters.from(Map.of());
        assertEquals(DarpParameters.none(), p);
        assertTrue(p.tags().isEmpty());
    }

    @Test
    void tagsDefaultByMode() {
        assertEquals(
                "SLAVES",
                DarpParameters.from(Map.of("darp_mode", "distributed")).tags().toString());
        assertEquals(
                "*", DarpParameters.from(Map.of("darp_mode", "failover")).tags().toString());
        assertEquals(
                "*",
                DarpParameters.from(Map.of("darp_mode", "REDUNDANT")).tags().toString());
        assertEquals(
                "s1 s2",
                DarpParameters.from(Map.of("darp_mode", "distributed", "darp_tags", "s1 s2"))
                        .tags()
                        .toString());
    }

    @Test
    void readsGravityAndQuorums() {
        DarpParameters p =
                DarpParameters.from(Map.of("darp_gravity", "vote", "darp_quorum", " 2 ", "darp_recovery_quorum", "3"));
        assertEquals(DarpGravity.VOTE, p.gravity());
        assertEquals(OptionalInt.of(2), p.quorum());
        assertEquals(OptionalInt.of(3), p.recoveryQuorum());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            darp_mode            | distribute | 'darp_mode' must be one of none, failover, distributed, redundant, not 'distribute'
            darp_gravity         | majority   | 'darp_gravity' must be one of up, down, vote, self, ietf, not 'majority'
            darp_quorum          | 0          | 'darp_quorum' must be a whole number of at least 1, not '0'
            darp_quorum          | two        | 'darp_quorum' must be a whole number of at least 1, not 'two'
            darp_recovery_quorum | -1         | 'darp_recovery_quorum' must be a whole number of at least 1, not '-1'
            darp_recovery_quorum | 1.5        | 'darp_recovery_quorum' must be a whole number of at least 1, not '1.5'
            """)
    void badValuesAreRefusedNamingTheParameter(String key, String value, String message) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DarpParameters.from(Map.of(key, value)));
        assertEquals(message, e.getMessage());
        assertEquals(
                List.of(new ParameterIssue(ParameterIssue.Severity.ERROR, key, message)),
                validator.check(key, value),
                "the same rule as an import");
    }

    @Test
    void aCommaListOfTagsIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DarpParameters.from(Map.of("darp_tags", "s1,s2")));
        assertTrue(e.getMessage().startsWith("'darp_tags' must be DARP tags separated by spaces"), e.getMessage());
        assertTrue(e.getMessage().endsWith("not 's1,s2': 's1,s2' is not one"), e.getMessage());
        assertEquals(
                ParameterIssue.Severity.ERROR,
                validator.check("slaves_send_notifies", "a;b").get(0).severity());
    }

    @Test
    void allFiveAreKnownInheritedTreeParameters() {
        for (String key : DarpParameters.KEYS) {
            assertTrue(ParameterCatalog.standard().isInherited(key), key);
        }
        assertEquals(List.of(), validator.check("darp_tags", "* SLAVES masters LOCAL slave-1 m.example.com"));
        assertEquals(List.of(), validator.check("darp_tags", ""), "blank: the mode's default");
        assertEquals(List.of(), validator.check("darp_quorum", "+2"));
        assertEquals(List.of(), validator.check("darp_mode", "Failover"));
    }

    @Test
    void anObjectInheritsModeAndTagsFromItsGroupsAndMayOverrideThem() {
        Rows rows = new Rows();
        rows.param(Rows.TOP, "darp_gravity", "vote");
        long dist = rows.group(Rows.TOP, "Dist");
        rows.param(dist, "darp_mode", "distributed")
                .param(dist, "darp_tags", "s1")
                .param(dist, "darp_quorum", "2");
        long host = rows.host(dist, "web");
        long ping = rows.service(host, "Ping", "Ping");
        long http = rows.service(host, "TCP/HTTP", "HTTP");
        rows.param(http, "darp_mode", "redundant").param(http, "darp_recovery_quorum", "2");
        long local = rows.group(Rows.TOP, "Local");
        rows.local(local, "darp_mode", "failover");
        long dns = rows.service(local, "UDP/DNS", "DNS");
        TreeSnapshot tree = rows.build();

        DarpParameters pingParams = DarpParameters.of(tree.byId(ping).orElseThrow());
        assertEquals(DarpMode.DISTRIBUTED, pingParams.mode());
        assertEquals("s1", pingParams.tags().toString());
        assertEquals(DarpGravity.VOTE, pingParams.gravity(), "from Top");
        assertEquals(OptionalInt.of(2), pingParams.quorum());
        DarpParameters httpParams = DarpParameters.of(tree.byId(http).orElseThrow());
        assertEquals(DarpMode.REDUNDANT, httpParams.mode());
        assertEquals("s1", httpParams.tags().toString(), "inherited tags win over the new mode's default");
        assertEquals(OptionalInt.of(2), httpParams.recoveryQuorum());
        assertEquals(
                DarpMode.FAILOVER,
                DarpParameters.of(tree.byId(local).orElseThrow()).mode());
        assertEquals(
                DarpMode.NONE, DarpParameters.of(tree.byId(dns).orElseThrow()).mode(), "a local one stays");
    }

    @Test
    void aRefusedValueIsLeftOutOfTheTreeSoTheInheritedOneApplies() {
        Rows rows = new Rows();
        rows.param(Rows.TOP, "darp_quorum", "3");
        long group = rows.group(Rows.TOP, "G");
        rows.param(group, "darp_quorum", "0");
        long svc = rows.service(group, "Ping", "Ping");
        TreeSnapshot tree = rows.build();
        assertTrue(
                tree.problems().stream().anyMatch(p -> p.toString().contains("darp_quorum")),
                tree.problems().toString());
        assertEquals(
                OptionalInt.of(3),
                DarpParameters.of(tree.byId(svc).orElseThrow()).quorum());
    }
}
