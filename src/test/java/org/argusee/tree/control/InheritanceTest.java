package org.argusee.tree.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InheritanceTest {

    private final TreeRows rows = TreeRows.withTop();

    @Test
    void childOverridesWhatItInherits() {
        long group = rows.group(1, "Servers");
        long service = rows.service(group, "Ping", "Ping_a");
        rows.param(1, "frequency", "10min").param(group, "frequency", "5m").param(service, "frequency", "30");
        TreeSnapshot tree = rows.build();
        assertEquals(
                new EffectiveParameter("frequency", "30", "Top:Servers:Ping_a"), effective(tree, service, "frequency"));
        assertEquals(new EffectiveParameter("frequency", "5m", "Top:Servers"), effective(tree, group, "frequency"));
    }

    @Test
    void localParameterStaysOnItsObjectAndChildrenSeeTheGrandparent() {
        long group = rows.group(1, "Servers");
        long service = rows.service(group, "Ping", "Ping_a");
        rows.param(1, "frequency", "10min").local(group, "frequency", "1min");
        TreeSnapshot tree = rows.build();
        assertEquals("1min", node(tree, group).param("frequency").orElseThrow());
        assertEquals(new EffectiveParameter("frequency", "10min", "Top"), effective(tree, service, "frequency"));
    }

    @Test
    void localAndOrdinaryValueOfOneKey() {
        long group = rows.group(1, "foo");
        long service = rows.service(group, "Ping", "Ping_a");
        rows.local(group, "sendnotify", "yes").param(group, "sendnotify", "no");
        TreeSnapshot tree = rows.build();
        assertEquals("yes", node(tree, group).param("sendnotify").orElseThrow());
        assertEquals("yes", effective(tree, group, "sendnotify").value());
        assertEquals("no", node(tree, service).param("sendnotify").orElseThrow());
    }

    @Test
    void parametersNotMarkedInheritDoNotReachChildren() {
        long group = rows.group(1, "Servers");
        long service = rows.service(group, "TCP/SMTP", "SMTP_a");
        rows.param(group, "port", "2525").param(group, "label", "Mail").param(group, "gravity", "up");
        TreeSnapshot tree = rows.build();
        assertEquals(Optional.empty(), node(tree, service).param("port"));
        assertEquals(Optional.empty(), node(tree, service).param("gravity"));
        assertEquals("SMTP_a", node(tree, service).label());
        assertEquals("Mail", node(tree, group).label());
        assertEquals(Map.of(), node(tree, group).passedDown());
    }

    @Test
    void hostNameIsTheHostnameOfEverythingBelow() {
        long host = rows.host(1, "mail.example.com");
        long group = rows.group(host, "Mail");
        long service = rows.service(group, "TCP/SMTP", "SMTP_mail.example.com");
        TreeSnapshot tree = rows.build();
        assertEquals(
                new EffectiveParameter("hostname", "mail.example.com", "Top:mail.example.com"),
                effective(tree, service, "hostname"));
        assertEquals("mail.example.com", node(tree, host).param("hostname").orElseThrow());
    }

    @Test
    void hostnameSetOnTheHostWinsOverItsName() {
        long host = rows.host(1, "eury");
        long service = rows.service(host, "Ping", "Ping_eury");
        rows.param(host, "hostname", "eury.example.com");
        TreeSnapshot tree = rows.build();
        assertEquals("eury.example.com", node(tree, service).param("hostname").orElseThrow());
        assertEquals("eury.example.com", effective(tree, host, "hostname").value());
    }

    @Test
    void localHostnameOnTheHostLeavesItsNameToTheChildren() {
        long host = rows.host(1, "eury");
        long service = rows.service(host, "Ping", "Ping_eury");
        rows.local(host, "hostname", "10.0.0.1");
        TreeSnapshot tree = rows.build();
        assertEquals("10.0.0.1", node(tree, host).param("hostname").orElseThrow());
        assertEquals("eury", node(tree, service).param("hostname").orElseThrow());
    }

    @Test
    void refusedValueIsOwnButNotEffective() {
        long group = rows.group(1, "Servers");
        long service = rows.service(group, "Ping", "Ping_a");
        rows.param(1, "frequency", "60").param(group, "frequency", "often");
        TreeSnapshot tree = rows.build();
        assertEquals(
                List.of(new Parameter("frequency", "often", false)),
                node(tree, group).ownParameters());
        assertEquals("60", node(tree, group).param("frequency").orElseThrow());
        assertEquals("60", node(tree, service).param("frequency").orElseThrow());
    }

    @Test
    void ownParametersKeepTheirOrderAndEffectiveOnesAreSortedByKey() {
        long group = rows.group(1, "Servers");
        rows.param(group, "notify", "mail:ops").param(group, "frequency", "60").local(group, "info", "x");
        TreeSnapshot tree = rows.build();
        assertEquals(
                List.of("notify", "frequency", "info"),
                node(tree, group).ownParameters().stream().map(Parameter::key).toList());
        assertEquals(
                List.of("frequency", "info", "notify"),
                new ArrayList<>(node(tree, group).effectiveParameters().keySet()));
    }

    @Test
    void paramAgreesWithTheEffectiveMapEverywhere() {
        long host = rows.host(1, "h");
        long group = rows.group(host, "g");
        long service = rows.service(group, "Ping", "Ping_h");
        rows.param(1, "notify", "mail:a")
                .param(host, "notify", "mail:b")
                .local(group, "notify", "mail:c")
                .param(group, "retries", "4")
                .param(service, "label", "L")
                .local(service, "siren", "no");
        TreeSnapshot tree = rows.build();
        tree.nodes().forEach(n -> n.effectiveParameters()
                .forEach((key, p) -> assertEquals(Optional.of(p.value()), n.param(key), n + " " + key)));
        assertEquals("4", node(tree, service).param("retries").orElseThrow());
        assertEquals("mail:b", node(tree, service).param("notify").orElseThrow(), "the group's notify is local");
        assertFalse(node(tree, host).param("siren").isPresent());
    }

    @Test
    void servicesComputeWhatTheyWouldPassDownOnRequest() {
        long host = rows.host(1, "h");
        long service = rows.service(host, "Ping", "Ping_h");
        rows.param(1, "notify", "mail:a").param(service, "retries", "5").local(service, "timeout", "9");
        TreeSnapshot tree = rows.build();
        assertEquals(
                List.of("hostname", "notify", "retries"),
                List.copyOf(node(tree, service).passedDown().keySet()));
        assertEquals(List.of("notify"), List.copyOf(tree.top().passedDown().keySet()));
        assertEquals(
                "Top:h:Ping_h", node(tree, service).passedDown().get("retries").source());
    }

    @Test
    void labelIsTheLabelParameterElseTheName() {
        long group = rows.group(1, "srv");
        rows.param(group, "label", "Servers");
        TreeSnapshot tree = rows.build();
        assertEquals("Servers", node(tree, group).label());
        assertEquals("Top", tree.top().label());
    }

    private static TreeNode node(TreeSnapshot tree, long id) {
        return tree.byId(id).orElseThrow();
    }

    private static EffectiveParameter effective(TreeSnapshot tree, long id, String key) {
        return node(tree, id).effectiveParameters().get(key);
    }
}
