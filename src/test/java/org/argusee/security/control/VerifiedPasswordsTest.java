package org.argusee.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    final VerifiedPasswords verified = new VerifiedPasswords();

    @Test
    void knowsAPasswordCheckedAgainstTheSameStoredHashWithinItsTime() {
        verified.remember("alice", "H1", "secret-1", Set.of("staff"), T0);
        assertTrue(verified.knows("alice", "H1", "secret-1", T0.plusSeconds(60)));
        assertFalse(verified.knows("alice", "H1", "secret-2", T0), "another password");
        assertFalse(verified.knows("bob", "H1", "secret-1", T0), "another user");
        assertFalse(verified.knows("alice", "H2", "secret-1", T0), "the stored hash changed (new password, SQL)");
        assertFalse(verified.knows("alice", "H1", "secret-1", T0.plus(VerifiedPasswords.TTL)), "too old");
    }

    @Test
    void twoServersRunsDoNotShareWhatTheyKnow() {
        verified.remember("alice", "H1", "secret-1", Set.of("staff"), T0);
        assertFalse(new VerifiedPasswords().knows("alice", "H1", "secret-1", T0));
    }

    @Test
    void whileTheDatabaseIsDownAPasswordVerifiedWithinTheHourStillOpensWithItsRoles() {
        verified.remember("alice", "H1", "secret-1", Set.of("staff"), T0);
        assertEquals(Optional.of(Set.of("staff")), verified.knownOffline("alice", "secret-1", T0.plusSeconds(3000)));
        assertEquals(Optional.empty(), verified.knownOffline("alice", "secret-2", T0), "another password");
        assertEquals(Optional.empty(), verified.knownOffline("bob", "secret-1", T0), "never verified");
        assertEquals(Optional.empty(), verified.knownOffline("alice", "secret-1", T0.plus(VerifiedPasswords.OFFLINE)));
    }

    @Test
    void hashesOfTheOldCostOrAnotherAlgorithmAreWeak() {
        assertTrue(PasswordHashing.isWeak("PBKDF2WithHmacSHA256:10000:c2FsdA==:aGFzaA=="));
        assertTrue(PasswordHashing.isWeak("PBKDF2WithHmacSHA1:600000:c2FsdA==:aGFzaA=="));
        assertFalse(PasswordHashing.isWeak("PBKDF2WithHmacSHA256:600000:c2FsdA==:aGFzaA=="));
        assertFalse(PasswordHashing.isWeak("something else"), "a shape it does not know is left alone");
        assertFalse(PasswordHashing.isWeak("PBKDF2WithHmacSHA256:many:c2FsdA==:aGFzaA=="));
    }
}
