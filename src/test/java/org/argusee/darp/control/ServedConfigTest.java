package org.argusee.darp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.darp.control.wire.BadMessage;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.darp.control.wire.ConfigDocuments;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.Parameter;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.Test;

/** What a slave is served, and that the slave rebuilds the same effective parameters from it. */
class ServedConfigTest {

    final List<ObjectRow> objects =
            new ArrayList<>(List.of(new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0)));
    final List<ParamRow> params = new ArrayList<>();

    long add(long parent, ObjectKind kind, String name, String type) {
        long id = objects.size() + 1;
        objects.add(new ObjectRow(id, parent, kind, name, type, null, objects.size()));
        return id;
    }

    void param(long id, String key, String value, boolean local) {
        params.add(new ParamRow(id, key, value, local, params.size()));
    }

    static final DarpTopology MASTER1 = new DarpTopology("master1", Set.of(), Set.of("slave1", "slave2"));
    static final DarpTopology M = new DarpTopology("m", Set.of(), Set.of("s"));

    TreeSnapshot tree() {
        return TreeSnapshot.build(3, objects, params, ParameterCatalog.standard());
    }

    @Test
    void theIdsASlaveMayReportAreExactlyWhatItIsServed() {
        long dist = add(1, ObjectKind.GROUP, "Dist", null);
        param(dist, "darp_mode", "distributed", false);
        param(dist, "darp_tags", "slave1", false);
        long mine = add(dist, ObjectKind.SERVICE, "Mine", "TCP/SSH");
        long other = add(1, ObjectKind.GROUP, "Other", null);
        param(other, "darp_mode", "distributed", false);
        param(other, "darp_tags", "slave2", false);
        long theirs = add(other, ObjectKind.SERVICE, "Theirs", "TCP/SSH");
        long masterOnly = add(1, ObjectKind.SERVICE, "MasterOnly", "TCP/HTTP");

        Set<Long> ids = ServedConfig.servedIds(tree(), MASTER1, "slave1");

        assertEquals(Set.of(1L, dist, mine), ids);
        assertFalse(ids.contains(theirs), "another slave's object");
        assertFalse(ids.contains(masterOnly), "the master's own object");
        assertEquals(Set.of(1L, other, theirs), ServedConfig.servedIds(tree(), MASTER1, "slave2"));
    }

    @Test
    void servesTheSlavesServicesWithTheirPathsAndNothingElse() {
        param(1, "frequency", "30", false);
        long dist = add(1, ObjectKind.GROUP, "Dist", null);
        param(dist, "darp_mode", "distributed", false);
        long mail = add(dist, ObjectKind.HOST, "mail.example.com", null);
        add(mail, ObjectKind.SERVICE, "SMTP_mail.example.com", "TCP/SMTP");
        add(mail, ObjectKind.SERVICE, "Self_tested", "Self/tested");
        add(mail, ObjectKind.SERVICE, "DARP_Watch_slave1", "DARP/Watch/slave1");
        add(mail, ObjectKind.ALIAS, "Alias", null);
        long other = add(dist, ObjectKind.GROUP, "OnlyOther", null);
        param(other, "darp_tags", "slave2", false);
        add(other, ObjectKind.SERVICE, "TCP_22_x", "TCP/SSH");
        long local = add(1, ObjectKind.GROUP, "MasterOnly", null);
        add(local, ObjectKind.SERVICE, "TCP_80_y", "TCP/HTTP");
        long red = add(1, ObjectKind.GROUP, "Redundant", null);
        param(red, "darp_mode", "redundant", false);
        long mine = add(red, ObjectKind.SERVICE, "UDP_53_z", "UDP/DNS");
        param(mine, "sendnotify", "yes", true);

        ConfigDocument doc = ServedConfig.build(tree(), MASTER1, "slave1");

        assertEquals(
                List.of(
                        "Top",
                        "Top:Dist",
                        "Top:Dist:mail.example.com",
                        "Top:Dist:mail.example.com:SMTP_mail.example.com",
                        "Top:Redundant",
                        "Top:Redundant:UDP_53_z"),
                doc.objects().stream().map(ConfigDocument.Entry::fullName).toList());
        assertEquals(
                List.of(-1, 0, 1, 2, 0, 4),
                doc.objects().stream().map(ConfigDocument.Entry::parent).toList());
        assertEquals(
                List.of(new Parameter("frequency", "30", false)),
                doc.objects().get(0).parameters());
        assertEquals(
                List.of(new Parameter("sendnotify", "yes", true)),
                doc.objects().get(5).parameters());
        assertEquals(
                List.of(
                        "Top",
                        "Top:Dist",
                        "Top:Dist:mail.example.com",
                        "Top:Dist:mail.example.com:SMTP_mail.example.com",
                        "Top:Dist:OnlyOther",
                        "Top:Dist:OnlyOther:TCP_22_x"),
                ServedConfig.build(tree(), MASTER1, "slave2").objects().stream()
                        .map(ConfigDocument.Entry::fullName)
                        .filter(n -> !n.startsWith("Top:Redundant"))
                        .toList());
    }

    @Test
    void tagsAndModesFollowTheDefaults() {
        long g = add(1, ObjectKind.GROUP, "G", null);
        long s = add(g, ObjectKind.SERVICE, "TCP_1_h", "TCP");
        assertFalse(servedToSlave1(s), "darp_mode none is the default");
        for (String[] c : new String[][] {
            {"failover", "", "true"},
            {"distributed", "", "true"},
            {"redundant", "", "true"},
            {"distributed", "MASTERS", "false"},
            {"distributed", "slave2 slave1", "true"},
            {"redundant", "slave2", "false"},
            {"failover", "*", "true"},
            {"none", "slave1", "false"},
            {"distributed", "SLAVES", "true"},
            {"redundant", "slaves", "true"},
            {"distributed", "master1", "false"},
            {"redundant", "LOCAL", "false"}
        }) {
            params.clear();
            param(g, "darp_mode", c[0], false);
            if (!c[1].isEmpty()) {
                param(g, "darp_tags", c[1], false);
            }
            assertEquals(Boolean.parseBoolean(c[2]), servedToSlave1(s), String.join(" / ", c));
        }
    }

    @Test
    void nothingTaggedServesTopAloneAndAnAliasIsLeftOut() throws BadMessage {
        long g = add(1, ObjectKind.GROUP, "G", null);
        long s = add(g, ObjectKind.SERVICE, "TCP_1_h", "TCP");
        long other = add(1, ObjectKind.GROUP, "Other", null);
        objects.add(
                new ObjectRow(objects.size() + 1, other, ObjectKind.ALIAS, "A", null, "Top:G:TCP_1_h", objects.size()));
        param(1, "darp_mode", "redundant", false);
        param(g, "darp_mode", "none", false);
        ConfigDocument none = ServedConfig.build(tree(), MASTER1, "slave1");
        assertEquals(
                List.of("Top"),
                none.objects().stream().map(ConfigDocument.Entry::fullName).toList(),
                "a document always starts with Top");
        assertEquals(none, ConfigDocuments.read(ConfigDocuments.write(none)));
        params.clear();
        param(1, "darp_mode", "redundant", false);
        assertEquals(
                List.of("Top", "Top:G", "Top:G:TCP_1_h"),
                ServedConfig.build(tree(), MASTER1, "slave1").objects().stream()
                        .map(ConfigDocument.Entry::fullName)
                        .toList(),
                "protocol v1 carries no alias target");
        assertTrue(servedToSlave1(s));
    }

    @Test
    void onlyASlaveIsServed() {
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> ServedConfig.build(tree(), MASTER1, "stranger"));
    }

    private boolean servedToSlave1(long service) {
        TreeSnapshot t = tree();
        String name = t.byId(service).orElseThrow().fullName();
        return ServedConfig.build(t, MASTER1, "slave1").objects().stream()
                .anyMatch(e -> e.fullName().equals(name));
    }

    @Test
    void theVersionFollowsTheContentOnly() throws BadMessage {
        long g = add(1, ObjectKind.GROUP, "G", null);
        param(g, "darp_mode", "distributed", false);
        add(g, ObjectKind.SERVICE, "TCP_1_h", "TCP");
        long other = add(1, ObjectKind.GROUP, "Unrelated", null);
        String v1 = ServedConfig.build(tree(), M, "s").version();
        param(other, "frequency", "10", false);
        assertEquals(v1, ServedConfig.build(tree(), M, "s").version(), "a change the slave is not served");
        param(g, "frequency", "10", false);
        String v2 = ServedConfig.build(tree(), M, "s").version();
        assertNotEquals(v1, v2);
        assertEquals(32, v2.length());

        ConfigDocument doc = ServedConfig.build(tree(), M, "s");
        assertEquals(doc, ConfigDocuments.read(ConfigDocuments.write(doc)));
    }

    @Test
    void theSlaveRebuildsTheSameEffectiveParameters() throws BadMessage {
        param(1, "timeout", "15", false);
        long g = add(1, ObjectKind.GROUP, "G", null);
        param(g, "darp_mode", "distributed", false);
        param(g, "retries", "4", false);
        param(g, "sendnotify", "no", false);
        param(g, "sendnotify", "yes", true);
        long h = add(g, ObjectKind.HOST, "h.example.com", null);
        long s = add(h, ObjectKind.SERVICE, "URL_h.example.com:8080/x", "TCP/URL");
        param(s, "url", "http://h.example.com:8080/x", false);
        TreeSnapshot master = tree();

        ConfigDocument doc = ConfigDocuments.read(ConfigDocuments.write(ServedConfig.build(master, M, "s")));
        TreeSnapshot slave = FetchedTree.snapshot(doc, List.of(), List.of(), ParameterCatalog.standard());

        assertTrue(slave.problems().isEmpty(), slave.problems().toString());
        for (String name : List.of("Top:G", "Top:G:h.example.com", "Top:G:h.example.com:URL_h.example.com:8080/x")) {
            assertEquals(
                    master.find(name).orElseThrow().effectiveParameters(),
                    slave.find(name).orElseThrow().effectiveParameters(),
                    name);
        }
    }

    @Test
    void topKeepsTheSlavesOwnParameters() {
        Parameter ownMail = new Parameter("notify", "mail:ops@slave", false);
        Parameter masterFreq = new Parameter("frequency", "30", false);
        Parameter masterNotify = new Parameter("notify", "mail:ops@master", false);
        Parameter masterTimeout = new Parameter("timeout", "20", false);

        List<Parameter> first = FetchedTree.mergeTop(List.of(ownMail), List.of(), List.of(masterFreq, masterNotify));
        assertEquals(List.of(ownMail, masterFreq), first, "the slave's own notify wins");

        List<Parameter> second = FetchedTree.mergeTop(first, List.of(masterFreq, masterNotify), List.of(masterTimeout));
        assertEquals(List.of(ownMail, masterTimeout), second, "a key the master dropped goes");
        assertEquals(
                second,
                FetchedTree.mergeTop(second, List.of(masterTimeout), List.of(masterTimeout)),
                "the same fetch again changes nothing");
    }

    /** A slave reads only Top's parameters of its kept document (PostgreSQL picks them out: objects -> 0). */
    @Test
    void topsParametersAreReadAlone() throws BadMessage {
        param(1, "darp_mode", "redundant", false);
        param(1, "frequency", "60", true);
        ConfigDocument doc = ServedConfig.build(tree(), MASTER1, "slave1");
        String top;
        try (jakarta.json.JsonReader r =
                jakarta.json.Json.createReader(new java.io.StringReader(ConfigDocuments.write(doc)))) {
            top = r.readObject()
                    .getJsonArray("objects")
                    .getJsonObject(0)
                    .getJsonArray("parameters")
                    .toString();
        }
        assertEquals(doc.objects().get(0).parameters(), ConfigDocuments.readParameters(top));
        assertEquals(List.of(), ConfigDocuments.readParameters("[]"));
        BadMessage e = org.junit.jupiter.api.Assertions.assertThrows(
                BadMessage.class, () -> ConfigDocuments.readParameters("[{\"key\":\"\",\"value\":\"x\"}]"));
        assertTrue(e.getMessage().contains("kept Top parameter 0: empty key"), e.getMessage());
    }

    @Test
    void aBrokenDocumentIsRefusedNamingTheObject() {
        String[] bad = {
            "{\"protocol\":2,\"master\":\"m\",\"slave\":\"s\",\"version\":\"v\",\"objects\":[]}",
            "{\"protocol\":1,\"master\":\"m\",\"slave\":\"s\",\"version\":\"v\",\"objects\":[]}",
            "{\"protocol\":1,\"master\":\"m\",\"slave\":\"s\",\"version\":\"v\",\"objects\":["
                    + "{\"name\":\"G\",\"fullName\":\"G\",\"parent\":-1,\"kind\":\"Group\",\"parameters\":[]}]}",
            "{\"protocol\":1,\"master\":\"m\",\"slave\":\"s\",\"version\":\"v\",\"objects\":["
                    + "{\"name\":\"Top\",\"fullName\":\"Top\",\"parent\":-1,\"kind\":\"Top\",\"parameters\":[]},"
                    + "{\"name\":\"S\",\"fullName\":\"Top:S\",\"parent\":0,\"kind\":\"Service\",\"type\":\"TCP\",\"parameters\":[]},"
                    + "{\"name\":\"T\",\"fullName\":\"Top:S:T\",\"parent\":1,\"kind\":\"Service\",\"type\":\"TCP\",\"parameters\":[]}]}",
            "{\"protocol\":1,\"master\":\"m\",\"slave\":\"s\",\"version\":\"v\",\"objects\":["
                    + "{\"name\":\"Top\",\"fullName\":\"Top\",\"parent\":-1,\"kind\":\"Top\",\"parameters\":[]},"
                    + "{\"name\":\"a b\",\"fullName\":\"Top:a b\",\"parent\":0,\"kind\":\"Group\",\"parameters\":[]}]}",
            "not json"
        };
        String[] expected = {
            "'protocol' must be 1",
            "non-empty array",
            "config object 0: Top comes first",
            "config object 2: 'parent' must be the index of an earlier Top, Group or Host",
            "config object 1: 'name' must be 1-200 characters",
            "not a JSON object"
        };
        for (int i = 0; i < bad.length; i++) {
            String text = bad[i];
            BadMessage e =
                    org.junit.jupiter.api.Assertions.assertThrows(BadMessage.class, () -> ConfigDocuments.read(text));
            assertTrue(e.getMessage().contains(expected[i]), e.getMessage() + " should say " + expected[i]);
        }
    }
}
