package org.argusee.argusconf.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.argusee.argusconf.control.model.Diagnostic;
import org.argusee.tree.control.ParameterCatalog;
import org.junit.jupiter.api.Test;

/**
 * Configurations on which this checker and Argus 3.7's {@code argusd -t} disagreed (bench/config-diff.sh), now read
 * as the original reads them. Each names the corpus case that showed it and what argusd said; docs/parity.md,
 * "Checked against Argus 3.7's own checker", lists the differences that stay.
 */
class Argus37VerdictsTest {

    private final ConfigChecker checker = new ConfigChecker(ParameterCatalog.standard());

    private List<String> check(String text) {
        return messages(checker.check(ConfigParser.parse(text)));
    }

    private static List<String> messages(CheckedConfig c) {
        return c.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void aMethodWithoutCommandIsAnError() {
        // 'hand: Method without command': "invalid Notification Method - command not specified"
        assertEquals(
                List.of("config:1: ERROR: Method \"m\" needs 'command'"),
                check("Method \"m\" {\n    send: hello\n}\n"));
        // the built-in mail method has sendmail to fall back on (examples/config redefines only its message)
        assertEquals(List.of(), check("Method \"mail\" {\n    send: To: %R\\n\\n%M\\n\n}\n"));
    }

    @Test
    void methodAndDarpAfterAGroupAreRead() {
        // 'hand: Method after group', 'DARP after group', 'DARP twice': argusd -t accepts all three
        String group = "Group \"G\" {\n    hostname: 127.0.0.1\n    Service Ping\n}\n";
        assertEquals(List.of(), check(group + "Method \"m\" {\n    command: /bin/true\n}\n"));
        assertEquals(List.of(), check(group + "DARP \"t\" {\n}\n"));
        assertEquals(
                List.of("config:3: WARNING: repeated DARP block (the first is at line 1); ignored"),
                check("DARP \"t\" {\n}\nDARP \"u\" {\n}\n"));
    }

    @Test
    void aServiceNamedByUnameStillNeedsAHostname() {
        // t/04notfy01.t with 'hostname' misspelt: "Hostname not specified" for each Ping, uname or not
        assertEquals(
                List.of(
                        "config:2: WARNING: unused parameter 'hosntame' - typo?",
                        "config:3: ERROR: a Ping service needs 'hostname'",
                        "config:6: ERROR: a TCP/HTTP service needs 'hostname'"),
                check("Group \"G1\" {\n    hosntame: localhost\n    Service Ping {\n        uname: S1\n    }\n"
                        + "    Service TCP/HTTP {\n        uname: S2\n    }\n    Service TCP/URL {\n"
                        + "        uname: S3\n        url: http://127.0.0.1/\n    }\n}\n"));
    }

    @Test
    void aScheduleLineWithAnUnknownDayIsAnError() {
        // 'hand: Method with bad schedule': "invalid schedule: invalid day spec 'someday'"
        assertEquals(
                List.of("config:4: ERROR: invalid schedule line 'someday 08:00 - 17:00  => yes': day 'someday' is"
                        + " none of * mon tue wed thu fri sat sun"),
                check("Method \"m\" {\n    command: /bin/true\n    schedule warning {\n"
                        + "        someday 08:00 - 17:00  => yes\n    }\n}\n"));
        assertEquals(
                List.of(),
                check("Method \"m\" {\n    command: /bin/true\n    schedule warning {\n        Mon 8:00-17:00 => yes\n"
                        + "        * => no\n    }\n}\n"));
    }

    @Test
    void includesAreOpenedFromTheRootWhicheverFileNamesThem() {
        // 'include: Include in subdir, nested from root' (accepted there), '... nested relative' (refused there)
        String g = "Group \"G\" {\n    hostname: 127.0.0.1\n    Service Ping\n}\n";
        var fromRoot =
                Reading.files("config", "Include \"sub/a.conf\"\n", "sub/a.conf", "Include \"b.conf\"\n", "b.conf", g);
        assertEquals(
                List.of(), messages(checker.check(ConfigSource.memory(fromRoot, "config", ConfigLimits.defaults()))));
        var relative = Reading.files(
                "config", "Include \"sub/a.conf\"\n", "sub/a.conf", "Include \"b.conf\"\n", "sub/b.conf", g);
        assertEquals(
                List.of("sub/a.conf:1: ERROR: missing include file 'b.conf'"),
                messages(checker.check(ConfigSource.memory(relative, "config", ConfigLimits.defaults()))));
    }
}
