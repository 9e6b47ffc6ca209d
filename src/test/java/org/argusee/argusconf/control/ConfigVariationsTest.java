package org.argusee.argusconf.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.argusee.argusconf.control.model.Diagnostic;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Configurations written the way other Argus users write them (issue 18's robustness work), under
 * src/test/resources/argusconf/variations: every parameter of the original's catalogue once, where the original reads
 * it; odd spacing, case, comments, escapes, continuation lines, an Include, CRLF line ends, every monitor type. None
 * may have an error; what is not used here is a warning.
 */
class ConfigVariationsTest {

    private final ConfigChecker checker = new ConfigChecker(ParameterCatalog.standard());

    private CheckedConfig check(String name) {
        return checker.check(ConfigSource.of(SharedConfigs.path("variations/" + name)));
    }

    private static List<String> errors(CheckedConfig c) {
        return c.errors().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void everyParameterOfTheOriginalChecksWithoutErrors() throws IOException {
        CheckedConfig c = check("every-parameter.conf");
        assertEquals(List.of(), errors(c));
        assertEquals(List.of(), errors(check("every-slave-parameter.conf")));
        String text = Files.readString(SharedConfigs.path("variations/every-parameter.conf"))
                + Files.readString(SharedConfigs.path("variations/every-slave-parameter.conf"));
        Set<String> missing = new TreeSet<>();
        for (String name : catalogueNames()) {
            Matcher used = Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + "(:| \\{)")
                    .matcher(text);
            if (!used.find()) {
                missing.add(name);
            }
        }
        // the Alias's target is its second name; Error's fields are the original's internals
        assertEquals(Set.of("target", "error", "status"), missing);
        assertEquals(308, c.tree().nodes().filter(n -> n.type() != null).count(), "a service per service parameter");
    }

    @Test
    void oddButValidSpellingsAreReadAsTheOriginalReadThem() {
        CheckedConfig c = check("odd-syntax.conf");
        assertEquals(List.of(), errors(c));
        TreeNode top = c.tree().top();
        assertEquals("5m", top.param("frequency").orElseThrow(), "key:value without a space");
        assertEquals("2", top.param("retries").orElseThrow(), "a space before the colon");
        assertEquals("a long continued line", top.param("info").orElseThrow(), "continuation lines");
        assertTrue(top.param("note").orElseThrow().startsWith("Note # with hash A"), "escapes");
        assertTrue(c.tree().find("Top:g1:HTTP_www.example.com").isPresent(), "the old 'service:' form, GROUP");
        assertTrue(c.tree().find("Top:g1:h1.example.com:Ping_h1.example.com").isPresent(), "SERVICE ping");
        assertTrue(c.tree().find("Top:g1:inc.example.com:Ping_inc.example.com").isPresent(), "the Include");
        assertEquals(
                "GET / HTTP/1.0\r\n\r\n",
                c.tree()
                        .find("Top:g1:h1.example.com:HTTP_h1.example.com")
                        .orElseThrow()
                        .param("send")
                        .orElseThrow());
        for (String type : List.of(
                "TCP/RPC/nfs/3",
                "UDP/RPC/100003",
                "TCP/SIP",
                "TCP/Freeswitch",
                "Agent/load",
                "UDP/SNMPv3",
                "Self/idle")) {
            assertTrue(c.tree().nodes().anyMatch(n -> type.equals(n.type())), type);
        }
    }

    @ParameterizedTest
    @FieldSource("org.argusee.argusconf.control.SharedConfigs#SWEEP")
    void theSweepsConfigurationsCheckWithoutErrors(String name) {
        CheckedConfig c = checker.check(ConfigSource.of(SharedConfigs.path(name)));
        assertEquals(List.of(), errors(c));
    }

    /** sweep/odd.conf: CRLF ends, continued lines, a blank before a colon, a tree eight groups deep, an Include. */
    @Test
    void theSweepsOddSyntaxIsReadAsWritten() {
        CheckedConfig c = checker.check(ConfigSource.of(SharedConfigs.path("sweep/odd.conf")));
        TreeNode top = c.tree().top();
        assertEquals(
                "This configuration watches the lab, in one long line",
                top.param("info").orElseThrow());
        assertEquals(
                "tab\\there, a # not a comment, and AB in hex",
                top.param("note").orElseThrow(),
                "no \\t there");
        assertTrue(c.tree().find("Top:Lab:L1:L2:L3:L4:L5:L6:L7:L8:deep-ssh").isPresent(), "eight groups deep");
        TreeNode smtp = c.tree().find("Top:Lab:127.0.0.1:smtp").orElseThrow();
        assertEquals("25503", smtp.param("port").orElseThrow(), "'port :25503'");
        TreeNode continued = c.tree().find("Top:Lab:127.0.0.1:continued").orElseThrow();
        assertEquals("25502", continued.param("port").orElseThrow());
        assertEquals("GET / HTTP/1.0\r\n\r\n", continued.param("send").orElseThrow());
        assertTrue(c.tree().find("Top:Lab:Extra:pop").isPresent(), "the Include, inside Group Lab");
        assertTrue(c.tree().find("Top:Empty").isPresent());
    }

    @Test
    void crlfLineEndsAreLineEnds() {
        CheckedConfig c = check("crlf.conf");
        assertEquals(List.of(), errors(c));
        assertEquals(
                "crlf.example.com",
                c.tree()
                        .find("Top:crlf:Ping_crlf.example.com")
                        .orElseThrow()
                        .param("hostname")
                        .orElseThrow());
    }

    @Test
    void anOriginalDashboardNextToGroupsLeavesTheGroups() {
        CheckedConfig c = checker.check(ConfigSource.text("Dashboard \"d\" {\n row {\n  graph samples thumb {\n"
                + "   + Top:g:Ping_h\n  }\n }\n}\nGroup \"g\" {\n Service Ping {\n  hostname: h\n }\n}\n"));
        assertFalse(c.hasErrors());
        assertTrue(c.tree().find("Top:g:Ping_h").isPresent());
    }

    /** The names of the original's catalogue (src/main/resources/.../tree/control/parameters.txt). */
    private static Set<String> catalogueNames() throws IOException {
        Set<String> names = new TreeSet<>();
        try (InputStream in = TreeNode.class.getResourceAsStream("parameters.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int sep = line.indexOf(" :: ");
                if (sep > 0 && !line.startsWith("#")) {
                    names.add(line.substring(0, sep).strip());
                }
            }
        }
        return names;
    }
}
