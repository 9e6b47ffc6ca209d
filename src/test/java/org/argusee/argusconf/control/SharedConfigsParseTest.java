package org.argusee.argusconf.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.argusee.argusconf.control.model.Diagnostic;
import org.argusee.argusconf.control.model.ParsedBlock;
import org.argusee.argusconf.control.model.ParsedConfig;
import org.argusee.tree.control.ObjectKind;
import org.junit.jupiter.api.Test;

/**
 * Object counts per shared config, counted independently of the parser with grep on the files (case-insensitive,
 * whole config-big directory concatenated): groups {@code ^\s*group\s+"}, hosts {@code ^\s*host\s+"}, services
 * {@code ^\s*service(:|\s)} minus the ones at top level (only in config-new-features: lines 20, 41, 50, 69, 78,
 * 97, 174, 203, 211, 225, which are refused), aliases {@code ^\s*alias\s}; top-level parameters counted by hand
 * up to the first block of each file.
 */
class SharedConfigsParseTest {

    private static void assertCounts(ParsedConfig c, int groups, int hosts, int services, int aliases, int topParams) {
        assertEquals(1, c.count(ObjectKind.TOP));
        assertEquals(groups, c.count(ObjectKind.GROUP), "groups");
        assertEquals(hosts, c.count(ObjectKind.HOST), "hosts");
        assertEquals(services, c.count(ObjectKind.SERVICE), "services");
        assertEquals(aliases, c.count(ObjectKind.ALIAS), "aliases");
        assertEquals(topParams, c.parameters().size(), "top-level parameters");
    }

    @Test
    void config() {
        ParsedConfig c = SharedConfigs.parse("config");
        assertEquals(List.of(), c.diagnostics());
        // eury 7 services, pen 4, gw 3, Software 1, Root Servers 3
        assertCounts(c, 5, 3, 18, 1, 11);
        assertEquals(
                List.of("mail"), c.methods().stream().map(ParsedBlock::name).toList());
        assertEquals(
                "To: %R\nFrom: %F\nContent-Type: text/plain; charset=utf-8\nSubject: Argus%E\n\n%M\n",
                c.methods().get(0).param("send").orElseThrow());
        assertEquals(1, c.blocks("Resolv").size());
    }

    @Test
    void darpMaster() {
        ParsedConfig c = SharedConfigs.parse("config-darp-master");
        assertEquals(List.of(), c.diagnostics());
        assertCounts(c, 2, 3, 13, 0, 12);
        ParsedBlock darp = c.darp().orElseThrow();
        assertEquals("master", darp.name());
        assertEquals(
                List.of("slave1", "slave2"),
                darp.blocks("slave").stream().map(ParsedBlock::name).toList());
        assertEquals(
                "http://www.example.com/argus",
                darp.blocks().get(0).param("remote_url").orElseThrow());
    }

    @Test
    void darpSlave() {
        ParsedConfig c = SharedConfigs.parse("config-darp-slave");
        assertEquals(List.of(), c.diagnostics());
        assertCounts(c, 0, 0, 0, 0, 11);
        ParsedBlock master = c.darp().orElseThrow().blocks("master").get(0);
        assertEquals("argus-master.example.com", master.param("hostname").orElseThrow());
        assertEquals("60", master.param("timeout").orElseThrow());
    }

    @Test
    void newFeaturesIsACollectionOfSnippetsWithErrorsWhereTheyAreOutOfPlace() {
        ParsedConfig c = SharedConfigs.parse("config-new-features");
        // Group foo 2 ([...]), server 5, asterisk 4, Databases 1, Sprint T3 2, ns1 5, ntp 2, My Stats 4
        assertCounts(c, 7, 4, 25, 0, 0);
        List<Integer> topLevelServices = c.errors().stream()
                .filter(d -> d.message().equals("Service not allowed at top level"))
                .map(Diagnostic::line)
                .toList();
        assertEquals(List.of(20, 41, 50, 69, 78, 97, 174, 203, 211, 225), topLevelServices);
        // a Method after the Groups is read, as Argus 3.7 reads it (its order check never fires)
        assertTrue(c.methods().stream().anyMatch(m -> m.location().line() == 386));
        assertEquals(4, c.blocks().size());
        assertEquals(2, c.top().blocks().size());
    }

    @Test
    void bigDirectory() {
        ParsedConfig c = SharedConfigs.parse("config-big");
        assertCounts(c, 92, 197, 590, 10, 11);
        assertEquals(
                List.of(
                        "002_switches:89: WARNING: missing '{' after Host \"lb-vip-inside\"; block assumed",
                        "007_servers:470: WARNING: repeated parameter 'hostname'",
                        "007_servers:1072: WARNING: repeated parameter 'hostname'",
                        "099_test:15: WARNING: missing '{' after Host \"rocher.example.com\"; block assumed"),
                c.diagnostics().stream().map(Diagnostic::toString).toList());
    }
}
