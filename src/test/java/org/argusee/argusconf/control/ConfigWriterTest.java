package org.argusee.argusconf.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.argusee.argusconf.control.model.ParsedConfig;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ConfigWriterTest {

    private static final List<String> CLEAN = SharedConfigs.CLEAN;
    private final ParameterCatalog catalog = ParameterCatalog.standard();

    private TreeSnapshot tree(String text) {
        return new RowConverter(catalog).convert(ConfigParser.parse(text)).snapshot(catalog);
    }

    /** What the round trip must keep, object by object: full name, kind, type, target, own parameters in order. */
    private static List<String> summary(TreeSnapshot tree) {
        return tree.nodes()
                .map(n -> n.fullName() + " " + n.kind() + " " + n.type() + " " + n.aliasTarget() + " "
                        + n.ownParameters())
                .toList();
    }

    @Test
    void writesNestedTabIndentedBlocks() {
        String text = ConfigWriter.write(tree("notify: mail:x\nGroup \"G\" {\n frequency: 5m\n sendnotify!: yes\n"
                + " Host \"h\" {\n  Service Ping\n  Service TCP {\n   port: 87\n  }\n }\n"
                + "Alias \"a\" \"Top:G:h\"\n}\n"));
        assertEquals(
                "notify: mail:x\n\nGroup \"G\" {\n\tfrequency: 5m\n\tsendnotify!: yes\n\tHost \"h\" {\n"
                        + "\t\tService Ping\n\t\tService TCP {\n\t\t\tport: 87\n\t\t}\n\t}\n\tAlias \"a\" \"Top:G:h\"\n"
                        + "}\n",
                text);
    }

    @Test
    void unameOnlyWhenTheNameIsNotTheDefault() {
        TreeSnapshot t = tree("Group \"g\" {\n hostname: h\n Service Ping\n Service Ping {\n  uname: other\n }\n}\n");
        String text = ConfigWriter.write(t);
        assertEquals(
                "Group \"g\" {\n\thostname: h\n\tService Ping\n\tService Ping {\n\t\tuname: other\n" + "\t}\n}\n",
                text);
    }

    @Test
    void renamedServiceGetsAUname() {
        TreeSnapshot t = TreeSnapshot.build(
                1,
                List.of(
                        new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0),
                        new ObjectRow(2, 1L, ObjectKind.HOST, "h", null, null, 0),
                        new ObjectRow(3, 2L, ObjectKind.SERVICE, "renamed", "Ping", null, 0),
                        new ObjectRow(4, 2L, ObjectKind.SERVICE, "again", "TCP/SMTP", null, 1)),
                List.of(new ParamRow(4, "uname", "stale", false, 0)),
                catalog);
        assertEquals(
                "Host \"h\" {\n\tService Ping {\n\t\tuname: renamed\n\t}\n\tService TCP/SMTP {\n\t\tuname: again\n"
                        + "\t}\n}\n",
                ConfigWriter.write(t));
    }

    @Test
    void subtreeIsItsBlockAlone() {
        TreeSnapshot t = tree("frequency: 1m\nGroup \"a\" {\n Group \"b\" {\n  label: B\n }\n}\n");
        assertEquals(
                "Group \"b\" {\n\tlabel: B\n}\n",
                ConfigWriter.write(t.find("Top:a:b").orElseThrow()));
    }

    @Test
    void awkwardValuesAndNamesReadBackTheSame() {
        String config = "Group \"C\\# \\x22quoted\\x22\" {\n send: To: %R\\n\\n%M\\n\n"
                + "expect: argus-3\\.5\\.tgz \\# not a comment\n"
                + " label: \\x20padded\\x09\n pluck: (\\d+) ends with \\x5c\n empty:\n}\n";
        TreeSnapshot first = tree(config);
        TreeSnapshot second = tree(ConfigWriter.write(first));
        assertEquals(summary(first), summary(second));
        TreeNode g = first.top().children().get(0);
        assertEquals("C#_\"quoted\"", g.name());
        assertEquals(" padded\t", g.param("label").orElseThrow());
        assertEquals("(\\d+) ends with \\", g.param("pluck").orElseThrow());
    }

    /** Argus 3.7's empty escape: {@code \&} is nothing (it was kept here); a literal one is written back escaped. */
    @Test
    void theOriginalsEmptyEscapeIsNothingAndALiteralOneReadsBack() {
        TreeSnapshot first = tree("Group \"g\" {\n send: \\x41\\&1\n expect: a\\x5c&b\n}\n");
        TreeNode g = first.top().children().get(0);
        assertEquals("A1", g.param("send").orElseThrow());
        assertEquals("a\\&b", g.param("expect").orElseThrow());
        assertEquals(summary(first), summary(tree(ConfigWriter.write(first))));
    }

    @Test
    void tenThousandLevelsWriteAndReadBack() {
        TreeSnapshot first = tree(HostileInputTest.nested(10_000));
        String text = ConfigWriter.write(first);
        assertTrue(text.length() < 10_000 * 2 * (ConfigWriter.MAX_INDENT + 20));
        TreeSnapshot second = tree(text);
        assertEquals(first.size(), second.size());
        assertEquals(List.of(), second.problems());
    }

    @ParameterizedTest
    @FieldSource("CLEAN")
    void sharedConfigRoundTrip(String name) {
        ParsedConfig parsed = SharedConfigs.parse(name);
        ConfigRows rows = new RowConverter(catalog).convert(parsed);
        assertTrue(parsed.errors().isEmpty() && rows.diagnostics().isEmpty(), () -> name + " has errors");
        TreeSnapshot first = rows.snapshot(catalog);
        String text = ConfigWriter.write(first.top(), rows.blocks());
        ParsedConfig reparsed = ConfigParser.parse(text);
        assertEquals(List.of(), reparsed.diagnostics(), text);
        ConfigRows again = new RowConverter(catalog).convert(reparsed);
        assertEquals(rows.objects(), again.objects());
        assertEquals(rows.params(), again.params());
        assertEquals(rows.blocks(), again.blocks());
        assertEquals(summary(first), summary(again.snapshot(catalog)));
        assertEquals(text, ConfigWriter.write(again.snapshot(catalog).top(), again.blocks()));
    }

    @Test
    void globalBlocksOfAGroupAreWrittenAtTopLevel() {
        ConfigRows rows = new RowConverter(catalog)
                .convert(ConfigParser.parse("Group \"G\" {\n\tcron \"* * * * *\" {\n\t\tfunc: x\n\t}\n}\n"));
        ConfigBlock method =
                new ConfigBlock("Method", "m", List.of(new ConfigBlock.Line("command", "c", false)), List.of());
        Map<Long, List<ConfigBlock>> blocks =
                Map.of(2L, List.of(method, rows.blocks().get(2L).get(0)));
        TreeSnapshot tree = rows.snapshot(catalog);
        String expected =
                "Method \"m\" {\n\tcommand: c\n}\n\nGroup \"G\" {\n\tcron \"* * * * *\" {\n\t\tfunc: x\n\t}\n}\n";
        assertEquals(expected, ConfigWriter.write(tree.top(), blocks));
        assertEquals(expected, ConfigWriter.write(tree.find("Top:G").orElseThrow(), blocks));
        assertEquals(List.of(), ConfigParser.parse(expected).diagnostics());
    }

    @Test
    void nonObjectBlocksAreWrittenWhereTheyStoodAndReadBack() {
        String text = """
                notify: mail:ops@example.com
                Method "pager" {
                	command: /usr/local/bin/page %R
                	qtime!: 60
                	schedule nights {
                		mon 18:00 - 24:00 => yes
                	}
                }
                Resolv
                snmpoid ifInOctets .1.3.6.1.2.1.2.2.1.10
                snmpoid myOid {
                	oid: .1.3.6.1.4.1.99.1
                	updown: 1
                }

                Group "G" {
                	frequency: 30
                	cron "0 * * * *" {
                		func: override
                	}
                	Host "h" {
                		Service TCP/SSH {
                			schedule notify.major {
                				sun => no
                			}
                		}
                	}
                }
                """;
        ParsedConfig parsed = ConfigParser.parse(text);
        assertEquals(List.of(), parsed.diagnostics());
        ConfigRows rows = new RowConverter(catalog).convert(parsed);
        assertEquals(Set.of(1L, 2L, 4L), rows.blocks().keySet(), "Top, Group G and the service");
        String written = ConfigWriter.write(rows.snapshot(catalog).top(), rows.blocks());
        assertEquals(text, written);
    }

    /** Argus 3.7 reads `schedule "notify"` as a parameter named with the quotes and drops it: written bare. */
    @Test
    void aScheduleIsWrittenWithItsNameBareAsArgus37ReadsIt() {
        String text = "Group \"G\" {\n\tschedule \"sendnotify.warning\" {\n\t\t*   0800 - 1800 => yes\n\t}\n}\n";
        ConfigRows rows = new RowConverter(catalog).convert(ConfigParser.parse(text));
        assertEquals(
                "Group \"G\" {\n\tschedule sendnotify.warning {\n\t\t*   0800 - 1800 => yes\n\t}\n}\n",
                ConfigWriter.write(rows.snapshot(catalog).top(), rows.blocks()));
    }
}
