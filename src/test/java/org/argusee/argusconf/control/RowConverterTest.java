package org.argusee.argusconf.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.argusee.argusconf.control.model.Location;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.Test;

class RowConverterTest {

    private final ParameterCatalog catalog = ParameterCatalog.standard();

    private ConfigRows rows(String text) {
        return new RowConverter(catalog).convert(ConfigParser.parse(text));
    }

    @Test
    void idsDepthFirstPositionsInWrittenOrder() {
        ConfigRows r = rows("a: 1\nGroup \"G\" {\n Host \"h\" {\n  Service Ping\n }\n Alias \"x\" \"Top:G:h\"\n}\n"
                + "Group \"K\" {\n}\n");
        assertEquals(
                List.of(
                        new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0),
                        new ObjectRow(2, 1L, ObjectKind.GROUP, "G", null, null, 0),
                        new ObjectRow(3, 2L, ObjectKind.HOST, "h", null, null, 0),
                        new ObjectRow(4, 3L, ObjectKind.SERVICE, "Ping_h", "Ping", null, 0),
                        new ObjectRow(5, 2L, ObjectKind.ALIAS, "x", null, "Top:G:h", 1),
                        new ObjectRow(6, 1L, ObjectKind.GROUP, "K", null, null, 1)),
                r.objects());
        assertEquals(List.of(new ParamRow(1, "a", "1", false, 0)), r.params());
        assertEquals(new Location("config", 4), r.location(4).orElseThrow());
        assertEquals(List.of(), r.diagnostics());
    }

    @Test
    void whitespaceInNamesBecomesUnderscoreAndTheWrittenNameTheLabel() {
        ConfigRows r = rows("Group \"NT Servers\" {\n note: x\n}\nGroup \"Other Servers\" {\n label: Others\n}\n");
        assertEquals("NT_Servers", r.objects().get(1).name());
        assertEquals(
                List.of(
                        new ParamRow(2, "label", "NT Servers", false, 0),
                        new ParamRow(2, "note", "x", false, 1),
                        new ParamRow(3, "label", "Others", false, 0)),
                r.params());
    }

    @Test
    void theLastOfARepeatedKeyWinsAtItsPlace() {
        ConfigRows r = rows("a: 1\nb: 2\na: 3\na!: 4\n");
        assertEquals(
                List.of(
                        new ParamRow(1, "b", "2", false, 0),
                        new ParamRow(1, "a", "3", false, 1),
                        new ParamRow(1, "a", "4", true, 2)),
                r.params());
    }

    @Test
    void servicesAreNamedFromInheritedParameters() {
        ConfigRows r = rows("Group \"g\" {\n hostname: mail.example.com\n Service TCP/SMTP\n Service tcp {\n"
                + "port: 87\n"
                + " }\n Service UDP/SNMP/ifOperStatus.2\n Service TCP/URL {\n  url: http://w.example.com/x.pl\n }\n"
                + " Host \"h\" {\n  hostname: 10.0.0.1\n  Service Ping\n }\n Host \"k\" {\n  Service Ping\n }\n"
                + " Service Ping {\n  uname: My  Ping\n }\n}\n");
        assertEquals(
                List.of(
                        "Top",
                        "g",
                        "SMTP_mail.example.com",
                        "TCP_87_mail.example.com",
                        "SNMP_ifOperStatus.2_mail.example.com",
                        "URL_w.example.com:/x.pl",
                        "h",
                        "Ping_10.0.0.1",
                        "k",
                        "Ping_k",
                        "My_Ping"),
                r.objects().stream().map(ObjectRow::name).toList());
        assertEquals("TCP", r.objects().get(3).type());
        assertEquals(List.of(), r.diagnostics());
    }

    @Test
    void localParametersAreNotInheritedIntoNames() {
        ConfigRows r = rows("Group \"g\" {\n hostname!: a\n Service Ping\n}\n");
        assertEquals(
                List.of("config:3: ERROR: a Ping service needs 'hostname' for its default name; set hostname or uname"),
                r.diagnostics().stream().map(Object::toString).toList());
    }

    @Test
    void bigConfigNamesMatchTheOriginalsAliasTargets() {
        ConfigRows r = new RowConverter(catalog).convert(SharedConfigs.parse("config-big"));
        TreeSnapshot tree = r.snapshot(catalog);
        List<TreeNode> aliases =
                tree.nodes().filter(n -> n.kind() == ObjectKind.ALIAS).toList();
        assertEquals(10, aliases.size());
        // 8 targets name services by the original's default unames; the other two name hosts whose
        // hostname in the file is renoir.op.net and pisarro.op.net, not *.example.com
        List<String> resolved = aliases.stream()
                .map(TreeNode::aliasTarget)
                .filter(t -> tree.find(t).isPresent())
                .toList();
        assertEquals(8, resolved.size(), resolved::toString);
        assertTrue(resolved.contains("Top:NT_Servers:lanai:POP_lanai.example.com"));
    }
}
