package org.argusee.argusconf.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.argusee.argusconf.control.model.Diagnostic;
import org.argusee.tree.control.ParameterCatalog;
import org.junit.jupiter.api.Test;

class ConfigCheckerTest {

    private final ConfigChecker checker = new ConfigChecker(ParameterCatalog.standard());

    private List<String> check(String text) {
        return checker.check(ConfigParser.parse(text)).diagnostics().stream()
                .map(Diagnostic::toString)
                .toList();
    }

    @Test
    void cleanConfigHasNoDiagnostics() {
        assertEquals(List.of(), check("frequency: 5m\nGroup \"g\" {\n Host \"h\" {\n  Service TCP/SMTP\n }\n}\n"));
    }

    @Test
    void validValuesOfEveryKind() {
        assertEquals(
                List.of(),
                check("frequency: 1h30m\ntimeout: 10\nGroup \"g\" {\n retrydelay: 1day\n"
                        + " sendnotify: on\n overridable: 1\n countstop: true\n gravity: up\n retries: 3\n hostname: h\n"
                        + " Service UDP/DNS {\n  query: mx\n }\n}\n"));
    }

    /**
     * A binary `send` of the sweep's isp.conf (a RADIUS-like UDP probe): the NUL it decodes to cannot be stored, and
     * the import failed with a 500 after the check had passed it; now the checker names the line.
     */
    @Test
    void aNulByteInAValueIsAnErrorNamingTheLineNotAServerError() {
        assertEquals(
                List.of(
                        "config:4: ERROR: value of 'send' holds a NUL byte (\\x00), which this server cannot store",
                        "config:5: ERROR: value of 'bogus' holds a NUL byte (\\x00), which this server cannot store"),
                check("Group \"g\" {\n Service UDP {\n  hostname: 127.0.0.1\n  send: \\x01\\x00\\x14abc\n"
                        + "  bogus: \\0\\x00\n  port: 1812\n }\n}\n"));
    }

    @Test
    void unusedParameterIsATypoWarning() {
        assertEquals(
                List.of("config:2: WARNING: unused parameter 'frequncy' - typo?"),
                check("Group \"g\" {\n frequncy: 5m\n}\n"));
    }

    @Test
    void whatIsAcceptedButNotUsedIsAWarningNamingTheLine() {
        assertEquals(
                List.of(
                        "config:2: WARNING: 'gr_smooth' accepted, not used by this server: the original's graph"
                                + " images; the object page draws its graph from the samples API in its own style",
                        "config:6: WARNING: 'perlexpr' accepted, not used by this server: no Perl runs here, so the"
                                + " expression cannot be evaluated; the service's value is tested without it",
                        "config:8: WARNING: 'icon.critical' accepted, not used by this server: the original's CGI"
                                + " page look (colours, images, HTML, labels); the web pages here have their own"),
                check("Group \"g\" {\n gr_smooth: yes\n Service TCP/RPC/mountd {\n  hostname: h\n  port: 111\n"
                        + "  perlexpr: $value * 2\n  maxdeviation.major: 3\n  icon.critical: x.png\n }\n}\n"));
    }

    @Test
    void badTimeValue() {
        assertEquals(List.of("config:1: ERROR: invalid time value '10x' for 'frequency'"), check("frequency: 10x\n"));
    }

    @Test
    void badValues() {
        assertEquals(
                List.of(
                        "config:2: ERROR: 'sendnotify' must be yes or no (also true/false, on/off, 1/0), not 'maybe'",
                        "config:4: ERROR: 'port' must be a whole number from 1 to 65535, not 'http'"),
                check("Group \"g\" {\n sendnotify: maybe\n Service TCP {\n  port: http\n  hostname: h\n }\n}\n"));
    }

    @Test
    void contextDecidesWhatAKeyMeans() {
        String darp = "DARP \"m\" {\n port: 2055\n slave \"s\" {\n  hostname: a\n  secret: x\n  remote_url: http://a/\n"
                + "  frequency: 10\n }\n}\nMethod \"mail\" {\n command: sendmail\n qtime: 0\n hostname: x\n}\n"
                + "Resolv {\n frequency: 15\n max_queries: 1000\n secret: y\n}\n";
        assertEquals(
                List.of(
                        "config:7: WARNING: unused parameter 'frequency' - typo?",
                        "config:13: WARNING: unused parameter 'hostname' - typo?",
                        "config:18: WARNING: unused parameter 'secret' - typo?"),
                check(darp));
    }

    @Test
    void darpMasterBlockTakesServiceParameters() {
        assertEquals(
                List.of(),
                check("DARP \"s\" {\n master \"m\" {\n  frequency: 10\n  timeout: 60\n"
                        + "  hostname: m.example.com\n  port: 2055\n  secret: hush\n }\n}\n"));
        assertEquals(
                List.of(
                        "config:1: ERROR: invalid DARP tag 'a b': use letters, digits, '.', '_' and '-' (at most 64)",
                        "config:2: ERROR: master \"m\" needs 'secret'"),
                check("DARP \"a b\" {\n master \"m\" {\n  hostname: x\n }\n}\n"));
    }

    @Test
    void aSecretInTheDarpBlockServesEverySlave() {
        assertEquals(
                List.of(),
                check("DARP \"m\" {\n secret: shared-secret\n slave \"s1\" {\n  hostname: s1.example.com\n"
                        + " }\n slave \"s2\" {\n  hostname: s2.example.com\n }\n}\n"));
    }

    @Test
    void scheduleNamesAreParametersOfTheirContext() {
        assertEquals(
                List.of("config:6: WARNING: unused parameter 'schedule notfy' - typo?"),
                check(
                        "schedule notify {\n * => mail:a\n}\nMethod \"m\" {\n command: x\n schedule notfy {\n * => yes\n }\n"
                                + " schedule warning {\n * => yes\n }\n}\n"));
    }

    @Test
    void snmpoidAndCronKeys() {
        assertEquals(
                List.of(
                        "config:1: ERROR: snmpoid \"x\" needs 'oid'",
                        "config:2: WARNING: unused parameter 'oidd' - typo?",
                        "config:7: ERROR: cron \"0 * * * *\" needs 'func'"),
                check("snmpoid x {\n oidd: 1.2\n}\nGroup \"g\" {\n hostname: h\n Service Ping {\n"
                        + "cron \"0 * * * *\" {\n"
                        + "   text: x\n  }\n }\n}\n"));
    }

    @Test
    void badServiceType() {
        assertEquals(
                List.of("config:2: ERROR: bad service type '[...]': '[...]' is not a known service; known: "
                        + "Ping, TCP, UDP, DNS, Domain, Self, Prog, DB, Compute, Agent, DARP"),
                check("Group \"g\" {\n Service [...]\n}\n"));
    }

    @Test
    void serviceThatCannotBeNamedSaysWhatIsMissing() {
        assertEquals(
                List.of("config:2: ERROR: a Ping service needs 'hostname' for its default name; set hostname or uname"),
                check("Group \"g\" {\n Service Ping\n}\n"));
    }

    @Test
    void duplicateFullNamesPointAtTheFirst() {
        List<String> found = check("Group \"a\" {\n hostname: h\n Service Ping\n Service Ping {\n }\n}\n"
                + "Group \"b c\" {\n}\nGroup \"b_c\" {\n}\n");
        assertEquals(
                List.of(
                        "config:4: ERROR: duplicate object name 'Top:a:Ping_h' (first at config:3)",
                        "config:9: ERROR: duplicate object name 'Top:b_c' (first at config:7)"),
                found.stream().sorted().toList());
    }

    @Test
    void unameNamesAService() {
        var checked = checker.check(ConfigParser.parse("Group \"g\" {\n Service Ping {\n  uname: my ping\n"
                + "hostname: h\n"
                + " }\n Service Ping {\n  uname: my_ping\n  hostname: h\n }\n}\n"));
        assertEquals(
                List.of("config:6: ERROR: duplicate object name 'Top:g:my_ping' (first at config:2)"),
                checked.diagnostics().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void aliasToNothingIsAWarning() {
        assertEquals(
                List.of("config:1: WARNING: alias target 'Top:nowhere' does not exist"),
                check("Alias \"a\" \"Top:nowhere\"\n"));
    }

    @Test
    void topOnlyParameterBelowTop() {
        assertEquals(
                List.of("config:2: WARNING: parameter 'test_port' only has an effect at top level"),
                check("Group \"g\" {\n test_port: 3074\n}\n"));
    }

    @Test
    void checkDoesNotStopAtTheFirstError() {
        CheckedConfig c = checker.check(ConfigParser.parse(
                "frequency: 1x\nGropu \"x\" {\n}\nGroup \"g\" {\n" + " Service Ping\n retries: many\n}\n"));
        assertEquals(3, c.errors().size(), c.errors()::toString);
        assertTrue(c.hasErrors());
        assertFalse(c.warnings().isEmpty());
    }
}
