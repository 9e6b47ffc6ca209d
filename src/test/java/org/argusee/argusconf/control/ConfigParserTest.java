package org.argusee.argusconf.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.argusee.argusconf.control.model.Diagnostic;
import org.argusee.argusconf.control.model.Location;
import org.argusee.argusconf.control.model.ParsedBlock;
import org.argusee.argusconf.control.model.ParsedConfig;
import org.argusee.argusconf.control.model.ParsedObject;
import org.argusee.argusconf.control.model.ParsedParam;
import org.argusee.tree.control.ObjectKind;
import org.junit.jupiter.api.Test;

class ConfigParserTest {

    static List<String> messages(ParsedConfig c) {
        return c.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void parametersObjectsAndLocations() {
        ParsedConfig c = ConfigParser.parse("notify: mail:x@example.com\nGroup \"Servers\" {\n\tfrequency: 5m\n"
                + "\tHost \"mail\" {\n\t\tService TCP/SMTP\n\t\tService TCP {\n\t\t\tport: 87\n\t\t}\n\t}\n"
                + "\tAlias \"Mail\" \"Top:Servers:mail\"\n}\n");
        assertEquals(List.of(), c.diagnostics());
        assertEquals(
                List.of(new ParsedParam("notify", "mail:x@example.com", false, new Location("config", 1))),
                c.parameters());
        ParsedObject servers = c.top().children().get(0);
        assertEquals(ObjectKind.GROUP, servers.kind());
        assertEquals("Servers", servers.name());
        assertEquals(new Location("config", 2), servers.location());
        assertEquals("frequency", servers.params().get(0).key());
        ParsedObject mail = servers.children().get(0);
        assertEquals(ObjectKind.HOST, mail.kind());
        assertEquals(
                List.of("TCP/SMTP", "TCP"),
                mail.children().stream().map(ParsedObject::type).toList());
        assertEquals("87", mail.children().get(1).params().get(0).value());
        assertEquals(7, mail.children().get(1).params().get(0).location().line());
        ParsedObject alias = servers.children().get(1);
        assertEquals(ObjectKind.ALIAS, alias.kind());
        assertEquals("Mail", alias.name());
        assertEquals("Top:Servers:mail", alias.target());
        assertEquals(6, c.objects().size());
    }

    @Test
    void keywordsIgnoreCaseAndTheOldServiceFormWorks() {
        ParsedConfig c = ConfigParser.parse("group \"a\" {\n HOST \"h\" {\n  service: Ping\n  service:\tTCP/URL {\n"
                + "   url: http://x/\n  }\n  SERVICE\tUDP/DNS\n }\n}\n");
        assertEquals(List.of(), c.diagnostics());
        ParsedObject h = c.top().children().get(0).children().get(0);
        assertEquals(
                List.of("Ping", "TCP/URL", "UDP/DNS"),
                h.children().stream().map(ParsedObject::type).toList());
        assertEquals("http://x/", h.children().get(1).params().get(0).value());
    }

    @Test
    void keySplitsAtTheFirstColonFollowedBySpace() {
        ParsedConfig c = ConfigParser.parse("url: http://h:8080/x: y\nnotifyaudit:\tauditlog:\nempty:\n");
        assertEquals(
                List.of("url=http://h:8080/x: y", "notifyaudit=auditlog:", "empty="),
                c.parameters().stream().map(p -> p.key() + "=" + p.value()).toList());
    }

    @Test
    void localParameters() {
        ParsedConfig c =
                ConfigParser.parse("Group \"foo\" {\n\tsendnotify!:\tyes\n\tsendnotify:\tno\n" + "\tlabel !: x\n}\n");
        assertEquals(List.of(), c.diagnostics());
        List<ParsedParam> p = c.top().children().get(0).params();
        assertTrue(p.get(0).local());
        assertFalse(p.get(1).local());
        assertEquals("label", p.get(2).key());
        assertTrue(p.get(2).local());
    }

    @Test
    void valuesAreUnescaped() {
        ParsedConfig c = ConfigParser.parse("send: To: %R\\n\\\n\tFrom: x\\n\nexpect: C\\# \\x41 a\\.b\n");
        assertEquals("To: %R\nFrom: x\n", c.parameters().get(0).value());
        assertEquals("C# A a\\.b", c.parameters().get(1).value());
    }

    @Test
    void repeatedParameterWarnsAndKeepsBoth() {
        ParsedConfig c = ConfigParser.parse("Group \"g\" {\n label: a\n label: b\n label!: c\n}\n");
        assertEquals(List.of("config:3: WARNING: repeated parameter 'label'"), messages(c));
        assertEquals(3, c.top().children().get(0).params().size());
    }

    @Test
    void dataAfterABlockIsIgnoredWithAWarning() {
        ParsedConfig c = ConfigParser.parse("a: 1\nGroup \"g\" {\n}\nb: 2\n");
        assertEquals(List.of("config:4: WARNING: data after block ignored: 'b'"), messages(c));
        assertEquals(1, c.parameters().size());
    }

    @Test
    void dataAfterAConfigBlockIsIgnoredToo() {
        ParsedConfig c = ConfigParser.parse("Resolv\nfrequency: 10\n");
        assertEquals(List.of("config:2: WARNING: data after block ignored: 'frequency'"), messages(c));
    }

    @Test
    void methodOrDarpAfterAGroupIsReadAsArgus37ReadsIt() {
        // its order check (ReadConfig.pm: "must appear before any Groups") never fires; argusd -t accepts this
        ParsedConfig c = ConfigParser.parse(
                "Group \"g\" {\n}\nMethod \"m\" {\n command: x\n}\n" + "DARP \"t\" {\n}\nResolv\nGroup \"h\" {\n}\n");
        assertEquals(List.of(), messages(c));
        assertEquals(1, c.methods().size());
        assertEquals("t", c.darp().orElseThrow().name());
        assertEquals(2, c.top().children().size());
        assertEquals(1, c.blocks("Resolv").size());
    }

    @Test
    void serviceAtTopLevelIsAnErrorAndItsBlockIsSkipped() {
        ParsedConfig c = ConfigParser.parse("Service Ping {\n hostname: x\n Group \"inner\" {\n }\n}\nService Ping\n");
        assertEquals(
                List.of(
                        "config:1: ERROR: Service not allowed at top level",
                        "config:6: ERROR: Service not allowed at top level"),
                messages(c));
        assertEquals(1, c.objects().size());
    }

    @Test
    void objectsInsideAServiceAreErrors() {
        ParsedConfig c = ConfigParser.parse("Group \"g\" {\n Service Ping {\n  Group \"x\" {\n  }\n"
                + "  Service TCP\n  Alias \"a\" \"Top:g\"\n }\n}\n");
        assertEquals(
                List.of(
                        "config:3: ERROR: Group not allowed in a Service",
                        "config:5: ERROR: Service not allowed in a Service",
                        "config:6: ERROR: Alias not allowed in a Service"),
                messages(c));
    }

    @Test
    void globalBlocksOnlyAtTopLevel() {
        ParsedConfig c = ConfigParser.parse(
                "Group \"g\" {\n Method \"m\" {\n }\n Resolv\n snmpoid x 1.2.3\n" + " DARP \"t\" {\n }\n}\n");
        assertEquals(
                List.of(
                        "config:2: ERROR: Method not allowed in a Group",
                        "config:4: ERROR: Resolv not allowed in a Group",
                        "config:5: ERROR: snmpoid not allowed in a Group",
                        "config:6: ERROR: DARP not allowed in a Group"),
                messages(c));
    }

    @Test
    void unknownBlockKeywordSkipsItsBlock() {
        ParsedConfig c = ConfigParser.parse("Gropu \"x\" {\n Service Ping\n Group \"y\" {\n }\n}\nGroup \"ok\" {\n}\n");
        assertEquals(List.of("config:1: ERROR: unknown block keyword 'Gropu'"), messages(c));
        assertEquals(
                List.of("ok"),
                c.top().children().stream().map(ParsedObject::name).toList());
    }

    @Test
    void invalidLines() {
        ParsedConfig c = ConfigParser.parse("just words\n\"quoted\"\n\"a\":b\n");
        assertEquals(
                List.of(
                        "config:1: ERROR: invalid line 'just words'",
                        "config:2: ERROR: invalid line '\"quoted\"'",
                        "config:3: ERROR: invalid line '\"a\":b': a parameter is written 'key: value'"),
                messages(c));
    }

    /**
     * The original split a line at its first colon, space after it or not (its split /:[ \t]*\/). A blank before
     * the colon and none after it (the sweep's odd.conf: {@code port :25503}) was an invalid line here.
     */
    @Test
    void aColonWithoutASpaceIsDataAsInTheOriginal() {
        ParsedConfig c = ConfigParser.parse(
                "hostname:foo\nurl:http://h:8080/p\nsendnotify!:yes\nport :25503\nretries\t: 2\ndepends ! :x\n");
        assertEquals(List.of(), messages(c));
        assertEquals(
                List.of(
                        "hostname=foo",
                        "url=http://h:8080/p",
                        "sendnotify!=yes",
                        "port=25503",
                        "retries=2",
                        "depends!=x"),
                c.top().params().stream()
                        .map(p -> p.key() + (p.local() ? "!" : "") + "=" + p.value())
                        .toList());
    }

    /** The sweep's isp.conf: 3.7 drops a schedule written after a group's children, as it drops data there. */
    @Test
    void aScheduleAfterTheChildObjectsIsIgnoredAsDataAfterABlockIs() {
        ParsedConfig c = ConfigParser.parse("Group \"g\" {\n Service Ping {\n  cron \"0 3 * * *\" {\n   func: x\n  }\n"
                + "  schedule notify {\n   * => a\n  }\n }\n schedule sendnotify {\n   * => yes\n }\n}\n");
        assertEquals(List.of("config:10: WARNING: data after block ignored: 'schedule sendnotify'"), messages(c));
        ParsedObject g = c.top().children().get(0);
        assertEquals(List.of(), g.blocks());
        assertEquals(
                List.of("cron", "schedule"),
                g.children().get(0).blocks().stream().map(ParsedBlock::keyword).toList(),
                "after a cron it is read, as there");
    }

    /** The original ran a config starting with #! and read its output (examples/config-generate); not here. */
    @Test
    void aGeneratedConfigIsOneErrorNotALineByLineList() {
        ParsedConfig c = ConfigParser.parse("#!/bin/sh\nfor x in a b; do\n  echo \"Host \\\"$x\\\" {\"\ndone\n");
        assertEquals(
                List.of("config:1: ERROR: a generated config ('#!/bin/sh') is not run by this server: run the program"
                        + " and import its output"),
                messages(c));
        assertEquals(List.of(), messages(ConfigParser.parse("# a comment\n#!/bin/sh is a comment here\n")));
    }

    /** The original's Dashboard block (examples/config-dashboard) is read past with a warning, not an error. */
    @Test
    void aDashboardBlockIsAcceptedAndNotUsed() {
        ParsedConfig c = ConfigParser.parse("Dashboard \"d\" {\n row {\n  status numbers \"Top:x\" {\n"
                + "   style: border: 1px solid \\#000;\n  }\n  text {\n   + <pre>\n  }\n }\n}\nGroup \"g\" {\n}\n");
        assertEquals(List.of("config:1: WARNING: " + ConfigParser.DASHBOARD_NOT_USED), messages(c));
        assertEquals(
                List.of("g"),
                c.top().children().stream().map(ParsedObject::name).toList());
        assertEquals(
                List.of("config:2: ERROR: unknown block keyword 'Dashboard'"),
                messages(ConfigParser.parse("Group \"g\" {\n Dashboard \"d\" {\n }\n}\n")),
                "only at top level, as there");
    }

    @Test
    void unterminatedBlockNamesWhereItOpened() {
        ParsedConfig c = ConfigParser.parse("Group \"a\" {\n Group \"b\" {\n  Service Ping {\n   label: x\n");
        assertEquals(
                List.of(
                        "config:4: ERROR: unterminated block (opened at line 3)",
                        "config:4: ERROR: unterminated block (opened at line 2)",
                        "config:4: ERROR: unterminated block (opened at line 1)"),
                messages(c));
        assertEquals(4, c.objects().size());
    }

    @Test
    void strayClosingBraceIsAnError() {
        ParsedConfig c = ConfigParser.parse("Group \"a\" {\n}\n}\nGroup \"b\" {\n} extra\n");
        assertEquals(
                List.of("config:3: ERROR: '}' without a block to close", "config:5: WARNING: text after '}' ignored"),
                messages(c));
    }

    @Test
    void missingOpeningBraceIsAssumedForBlocksThatNeedOne() {
        ParsedConfig c = ConfigParser.parse("Group \"g\" {\n Host \"h\"\n  Service Ping\n }\n}\n");
        assertEquals(List.of("config:2: WARNING: missing '{' after Host \"h\"; block assumed"), messages(c));
        assertEquals(1, c.top().children().get(0).children().get(0).children().size());
    }

    @Test
    void namesAreRequired() {
        ParsedConfig c = ConfigParser.parse("Method {\n}\nGroup {\n}\nGroup \"\" {\n}\nAlias \"only\"\nService\n");
        assertEquals(
                List.of(
                        "config:1: ERROR: Method needs a name: Method \"name\" {",
                        "config:3: ERROR: Group needs a name: Group \"name\" {",
                        "config:5: ERROR: Group needs a name: Group \"name\" {",
                        "config:7: ERROR: Alias needs a name and a target: Alias \"name\" \"Top:Group:Target\"",
                        "config:8: ERROR: Service not allowed at top level"),
                messages(c));
    }

    @Test
    void methodsWithSchedules() {
        ParsedConfig c = ConfigParser.parse("Method \"mail\" {\n\tcommand: /lib/sendmail -t\n\tsend: To: %R\\n\\\n"
                + "\t%M\\n\n\tschedule warning {\n\t\t* => yes\n\t}\n}\n");
        assertEquals(List.of(), c.diagnostics());
        ParsedBlock mail = c.methods().get(0);
        assertEquals("mail", mail.name());
        assertEquals("To: %R\n%M\n", mail.param("send").orElseThrow());
        assertEquals("* => yes", mail.blocks("schedule").get(0).lines().get(0).text());
    }

    @Test
    void darpWithMasterAndSlaveBlocks() {
        ParsedConfig c = ConfigParser.parse("DARP \"master\" {\n port: 2055\n slave \"s1\" {\n  hostname: a\n"
                + "  secret: hush!\n }\n SLAVE \"s2\" {\n  hostname: b\n }\n}\nDARP \"again\" {\n}\n");
        assertEquals(List.of("config:11: WARNING: repeated DARP block (the first is at line 1); ignored"), messages(c));
        ParsedBlock darp = c.darp().orElseThrow();
        assertEquals("master", darp.name());
        assertEquals("2055", darp.param("port").orElseThrow());
        assertEquals(
                List.of("s1", "s2"),
                darp.blocks().stream().map(ParsedBlock::name).toList());
        assertEquals("hush!", darp.blocks().get(0).param("secret").orElseThrow());
        assertEquals("slave", darp.blocks().get(1).keyword());
    }

    @Test
    void masterAndSlaveAreKeywordsOnlyInDarp() {
        ParsedConfig c = ConfigParser.parse("master \"x\" {\n}\n");
        assertEquals(List.of("config:1: ERROR: unknown block keyword 'master'"), messages(c));
    }

    @Test
    void resolvSnmpoidScheduleAndCron() {
        ParsedConfig c = ConfigParser.parse("Resolv\nResolv {\n max_queries: 1000\n}\n"
                + "snmpoid diskPath 1.3.6.1.2\nsnmpoid diskPercent {\n oid: 1.3.6.1.3\n idx: diskPath\n}\n"
                + "schedule notify {\n sat => mail:a\n * 0900 - 1700 => mail:b\n bad line\n}\n"
                + "Group \"g\" {\n Service TCP/HTTP {\n  cron \"30 0 * * * 6\" {\n   func: override\n  }\n"
                + "  schedule checking {\n   * => yes\n  }\n }\n}\nsnmpoid bad\n");
        assertEquals(
                List.of(
                        "config:13: ERROR: invalid schedule line 'bad line': use 'day start-end => value'",
                        "config:25: ERROR: snmpoid needs a name and an oid: snmpoid name oid, or snmpoid name {"),
                messages(c));
        assertEquals(2, c.blocks("Resolv").size());
        assertEquals("1000", c.blocks("Resolv").get(1).param("max_queries").orElseThrow());
        List<ParsedBlock> oids = c.blocks("snmpoid");
        assertEquals("1.3.6.1.2", oids.get(0).param("oid").orElseThrow());
        assertEquals("diskPath", oids.get(1).param("idx").orElseThrow());
        ParsedBlock notify = c.top().blocks().get(0);
        assertEquals("notify", notify.name());
        assertEquals(
                List.of("sat => mail:a", "* 0900 - 1700 => mail:b"),
                notify.lines().stream().map(l -> l.text()).toList());
        ParsedObject http = c.top().children().get(0).children().get(0);
        assertEquals(
                List.of("cron", "schedule"),
                http.blocks().stream().map(ParsedBlock::keyword).toList());
        assertEquals("30 0 * * * 6", http.blocks().get(0).name());
    }

    @Test
    void blocksCannotRunAcrossFiles() {
        var files = Reading.files("a", "Group \"g\" {\n", "b", "}\nGroup \"h\" {\n}\n");
        ParsedConfig c = ConfigParser.parse(ConfigSource.memory(files, ConfigLimits.defaults()));
        assertEquals(
                List.of(
                        "a:1: ERROR: unterminated block (opened at line 1)",
                        "b:1: ERROR: '}' without a block to close"),
                messages(c));
        assertEquals(2, c.top().children().size());
    }

    @Test
    void includeSplicesIntoTheCurrentBlock() {
        var files = Reading.files(
                "config", "Group \"g\" {\n Include \"hosts\"\n}\n", "hosts", "Host \"h\" {\n Service Ping\n}\n");
        ParsedConfig c = ConfigParser.parse(ConfigSource.memory(files, "config", ConfigLimits.defaults()));
        assertEquals(List.of(), c.diagnostics());
        ParsedObject h = c.top().children().get(0).children().get(0);
        assertEquals(new Location("hosts", 1), h.location());
    }

    @Test
    void includedFileMustCloseItsOwnBlocks() {
        var files = Reading.files("config", "Group \"g\" {\n Include \"half\"\n}\n", "half", "Host \"h\" {\n}\n}\n");
        ParsedConfig c = ConfigParser.parse(ConfigSource.memory(files, "config", ConfigLimits.defaults()));
        assertEquals(List.of("half:3: ERROR: '}' without a block to close"), messages(c));
    }

    @Test
    void includeNeedsAName() {
        assertEquals(
                List.of("config:1: ERROR: Include needs a file name: Include \"file\""),
                messages(ConfigParser.parse("Include\n")));
    }
}
