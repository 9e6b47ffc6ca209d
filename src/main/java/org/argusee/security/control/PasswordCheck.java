package org.argusee.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Logger;
import org.argusee.platform.boundary.DatabaseState;
import org.argusee.platform.control.DatabaseTrouble;
import org.argusee.platform.control.LoginThrottle;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every check of a user's password, HTTP Basic and the login form alike (docs/security.md, "User logins").
 * <ul>
 *   <li>Failed checks are counted per caller address and per user name; past either limit the caller gets
 *       {@link Outcome.Throttled} (429 with Retry-After) before any hash is computed, so guessing costs a window
 *       per few guesses and cannot be used to burn the server's CPU.</li>
 *   <li>An unknown or disabled user costs one check of a decoy hash, as long as a wrong password's, so the time
 *       of the answer does not tell which users exist.</li>
 *   <li>A password this server verified lately is recognised without the slow hash ({@link VerifiedPasswords});
 *       such a caller also passes a user-name block, so an outsider who guesses at the admin's name cannot lock
 *       out the admin's own scripts. While the database cannot be reached, a password verified within the hour
 *       still opens, with the roles it had ({@link Outcome.Unavailable} for any other).</li>
 *   <li>A correct password stored under a weaker hash is hashed again at today's cost ({@link PasswordRehash}).</li>
 * </ul>
 */
@ApplicationScoped
public class PasswordCheck {

    private static final Logger LOG = Logger.getLogger(PasswordCheck.class.getName());
    /** Longer user names or passwords are refused unchecked: a megabyte password would cost a megabyte of HMAC. */
    static final int MAX_USERNAME = 200;

    static final int MAX_PASSWORD = 1000;

    /** What a check came to. */
    public sealed interface Outcome {
        record Valid(String user, Set<String> roles) implements Outcome {}

        record Invalid() implements Outcome {}

        record Throttled(Duration retryAfter) implements Outcome {}

        /** The database cannot be reached and this password was not verified lately. */
        record Unavailable() implements Outcome {}
    }

    @Inject
    LoginRows logins;

    @Inject
    PasswordHashing hashing;

    @Inject
    VerifiedPasswords verified;

    @Inject
    PasswordRehash rehash;

    @Inject
    DatabaseState database;

    @Inject
    @ConfigProperty(name = "argus.security.login.max-failures-per-address", defaultValue = "100")
    int perAddress;

    @Inject
    @ConfigProperty(name = "argus.security.login.max-failures-per-user", defaultValue = "10")
    int perUser;

    @Inject
    @ConfigProperty(name = "argus.security.login.window", defaultValue = "300")
    int windowSeconds;

    Clock clock = Clock.systemUTC();
    private LoginThrottle addresses;
    private LoginThrottle users;
    private volatile String decoy;

    @PostConstruct
    void start() {
        if (perAddress < 1 || perUser < 1 || windowSeconds < 1) {
            throw new IllegalStateException("Bad login settings: argus.security.login.max-failures-per-address,"
                    + " .max-failures-per-user and .window must be at least 1");
        }
        addresses = new LoginThrottle(perAddress, Duration.ofSeconds(windowSeconds));
        users = new LoginThrottle(perUser, Duration.ofSeconds(windowSeconds));
    }

    public Outcome check(String username, String password, String address) {
        Instant now = clock.instant();
        var addressWait = addresses.blocked(address, now);
        if (addressWait.isPresent()) {
            return new Outcome.Throttled(addressWait.get());
        }
        if (username == null
                || password == null
                || username.isBlank()
                || username.length() > MAX_USERNAME
                || password.length() > MAX_PASSWORD) {
            addresses.failed(address, now);
            return new Outcome.Invalid();
        }
        if (database != null && !database.available()) {
            // known away: a password verified before logs in from memory at once, not after the pool's wait
            var roles = verified.knownOffline(username, password, now);
            if (roles.isPresent()) {
                return new Outcome.Valid(username, roles.get());
            }
        }
        LoginRows.Login user;
        try {
            user = logins.enabled(username);
        } catch (RuntimeException e) {
            if (!DatabaseTrouble.isUnreachable(e)) {
                throw e;
            }
            return verified.knownOffline(username, password, now)
                    .<Outcome>map(roles -> new Outcome.Valid(username, roles))
                    .orElseGet(Outcome.Unavailable::new);
        }
        if (user != null && verified.knows(username, user.passwordHash(), password, now)) {
            return new Outcome.Valid(user.username(), user.roles());
        }
        var userWait = users.blocked(username, now);
        if (userWait.isPresent()) {
            return new Outcome.Throttled(userWait.get());
        }
        if (user == null) {
            hashing.matches(password, decoy());
            return failed(username, address, now);
        }
        if (!hashing.matches(password, user.passwordHash())) {
            return failed(username, address, now);
        }
        addresses.succeeded(address);
        users.succeeded(username);
        String stored = user.passwordHash();
        if (PasswordHashing.isWeak(stored)) {
            stored = rehash.upgrade(username, stored, password);
        }
        verified.remember(username, stored, password, user.roles(), now);
        return new Outcome.Valid(user.username(), user.roles());
    }

    private Outcome failed(String username, String address, Instant now) {
        addresses.failed(address, now);
        users.failed(username, now);
        return new Outcome.Invalid();
    }

    /** A hash of a password nobody has, made once, checked for users that do not exist. */
    private String decoy() {
        String dummy = decoy;
        if (dummy == null) {
            LOG.fine("Making the decoy hash for unknown users");
            dummy = hashing.hash("decoy-" + System.nanoTime());
            decoy = dummy;
        }
        return dummy;
    }
}
