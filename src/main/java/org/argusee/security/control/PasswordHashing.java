package org.argusee.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Hashes passwords with the platform's Pbkdf2PasswordHash: PBKDF2-HMAC-SHA256 at 600,000 iterations (OWASP's
 * guidance for PBKDF2-SHA256), a 32-byte salt. The iteration count is stored inside each hash, so a hash made with
 * fewer (10,000 before) still checks, and is replaced at the user's next successful login ({@link #isWeak}).
 * A check costs about 0.2 s of a core: a Basic client does not pay it per request ({@link VerifiedPasswords}).
 */
@ApplicationScoped
public class PasswordHashing {

    public static final int MIN_PASSWORD_LENGTH = 8;
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int ITERATIONS = 600_000;

    @Inject
    Pbkdf2PasswordHash hash;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm",
                ALGORITHM,
                "Pbkdf2PasswordHash.Iterations",
                Integer.toString(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes",
                "32",
                "Pbkdf2PasswordHash.KeySizeBytes",
                "32"));
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        return hash.verify(password.toCharArray(), storedHash);
    }

    /**
     * Whether a stored hash is weaker than what {@link #hash} makes now: another algorithm or fewer iterations.
     * The platform stores {@code algorithm:iterations:salt:hash}; a hash in another shape is left alone.
     */
    static boolean isWeak(String storedHash) {
        String[] parts = storedHash == null ? new String[0] : storedHash.split(":");
        if (parts.length != 4) {
            return false;
        }
        try {
            return !ALGORITHM.equals(parts[0]) || Integer.parseInt(parts[1]) < ITERATIONS;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
