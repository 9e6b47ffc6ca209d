package org.argusee.argusconf.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.argusee.argusconf.control.model.ParsedConfig;
import org.argusee.argusconf.control.model.ParsedObject;
import org.junit.jupiter.api.Test;

class HostileInputTest {

    static String nested(int depth) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            b.append("Group \"g").append(i).append("\" {\n");
        }
        b.append("Service Ping {\nhostname: deep.example.com\n}\n");
        b.append("}\n".repeat(depth));
        return b.toString();
    }

    @Test
    void tenThousandLevelsDeep() {
        ParsedConfig c = ConfigParser.parse(nested(10_000));
        assertEquals(0, c.diagnostics().size());
        ParsedObject o = c.top();
        int depth = 0;
        while (!o.children().isEmpty()) {
            o = o.children().get(0);
            depth++;
        }
        assertEquals(10_001, depth);
        assertEquals("Ping", o.type());
    }

    @Test
    void tenThousandLevelsUnterminated() {
        ParsedConfig c = ConfigParser.parse(nested(10_000).replace("}\n", ""));
        assertTrue(c.hasErrors());
        assertEquals(1001, c.diagnostics().size());
        assertEquals(
                "1 more diagnostics not shown".replace("1 ", "9001 "),
                c.diagnostics().get(1000).message());
    }

    @Test
    void binaryGarbage() {
        Random random = new Random(1);
        for (int round = 0; round < 50; round++) {
            byte[] garbage = new byte[random.nextInt(200_000)];
            random.nextBytes(garbage);
            ParsedConfig c = ConfigParser.parse(
                    ConfigSource.memory(Map.of("config", garbage), "config", ConfigLimits.defaults()));
            assertTrue(garbage.length < 1000 || c.hasErrors());
            assertTrue(c.diagnostics().size() <= 1001);
        }
    }

    @Test
    void garbageMadeOfTheLanguagesOwnCharacters() {
        Random random = new Random(2);
        String alphabet = "{}\"\\#:! \n\tGroupServiceHostAliasDARPmasterInclude";
        for (int round = 0; round < 300; round++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(3000); i > 0; i--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            ParsedConfig c = ConfigParser.parse(b.toString());
            assertTrue(c.objects().size() >= 1);
        }
    }

    @Test
    void nothingButBraces() {
        ParsedConfig c = ConfigParser.parse("{\n".repeat(5000) + "}\n".repeat(6000));
        assertTrue(c.hasErrors());
    }

    @Test
    void fiftyMegabytesStopAtTheLimit() {
        byte[] big = "Group \"g\" {\n Service Ping\n}\n"
                .repeat(50 * 1024 * 1024 / 30)
                .getBytes(StandardCharsets.UTF_8);
        ConfigLimits limits = ConfigLimits.defaults().withMaxBytes(8 * 1024 * 1024);
        ParsedConfig c = ConfigParser.parse(ConfigSource.memory(Map.of("config", big), "config", limits));
        assertEquals(1, c.errors().size());
        assertEquals(
                "configuration larger than 8 MiB; reading stopped here",
                c.errors().get(0).message());
    }

    @Test
    void includeLoopAndEscapeAreDiagnosticsNotExceptions() {
        var files = Reading.files(
                "config",
                "Include \"config\"\nInclude \"../../etc/passwd\"\n" + "Include \"/etc/passwd\"\nGroup \"g\" {\n}\n");
        ParsedConfig c = ConfigParser.parse(ConfigSource.memory(files, "config", ConfigLimits.defaults()));
        assertEquals(3, c.errors().size());
        assertEquals(1, c.top().children().size());
    }
}
