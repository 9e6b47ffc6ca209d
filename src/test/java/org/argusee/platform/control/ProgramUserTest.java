package org.argusee.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.argusee.testsupport.ProgAccount;
import org.junit.jupiter.api.Test;

/** Real users, real setpriv: the tests run as root (CI does) and make the user {@link ProgAccount#NAME}. */
class ProgramUserTest {

    @Test
    void rootAnUnknownUserAndABadNameAreRefusedNamingTheSetting() {
        for (String name : List.of("root", "no-such-user-here", "Bad Name;rm")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ProgramUser.named(name));
            assertTrue(e.getMessage().startsWith("argus.prog.user=" + name + ": "), e.getMessage());
        }
    }

    @Test
    void aCommandRunsAsTheUserWithItsGroupsAndWithoutTheServersSecrets() throws Exception {
        long uid = ProgAccount.ensure();
        ProgramUser user = ProgramUser.named(ProgAccount.NAME);
        ProcessBuilder pb = new ProcessBuilder(
                        user.command(List.of("/bin/sh", "-c", "id -u; echo \"$USER $DB_PASSWORD\"")))
                .directory(user.directory());
        pb.environment().put("DB_PASSWORD", "must-not-pass");
        user.environment(pb.environment());
        Process p = pb.start();
        List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertEquals(0, p.waitFor());
        assertEquals(List.of(Long.toString(uid), ProgAccount.NAME + " "), out);
    }

    @Test
    void theServersOwnUserChangesNothingButTheSecrets() {
        ProgramUser own = ProgramUser.serverOwn();
        assertEquals(List.of("id"), own.command(List.of("id")));
        Map<String, String> env =
                new HashMap<>(Map.of("PATH", "/bin", "ARGUS_DARP_MASTER_SECRET", "x", "API_TOKEN", "y"));
        own.environment(env);
        assertEquals(Map.of("PATH", "/bin"), env);
        assertFalse(own.name() != null);
    }

    @Test
    void passwdLinesAreParsedAndBrokenOnesIgnored() {
        assertEquals(
                new PasswdEntry("argus-prog", 998, 997, "/nonexistent"),
                PasswdEntry.parse("argus-prog:x:998:997::/nonexistent:/usr/sbin/nologin")
                        .orElseThrow());
        assertTrue(PasswdEntry.parse("argus-prog:x:abc:997::/:/bin/sh").isEmpty());
        assertTrue(PasswdEntry.parse("").isEmpty());
    }
}
