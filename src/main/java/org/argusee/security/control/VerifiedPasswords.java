package org.argusee.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Passwords that passed the slow hash check lately, so a script that sends HTTP Basic on every request pays the
 * 600,000-iteration check once per {@link #TTL}, not per request. What is kept is an HMAC of the password under a
 * key that lives only in this process's memory (never the password), next to the stored hash it was checked
 * against: a changed password or a hash replaced by SQL no longer matches, so nothing stale is honoured.
 *
 * <p>While the database cannot be reached there is no stored hash to compare: a user whose password was verified
 * within {@link #OFFLINE} may still log in, with the roles it had then ({@link #knownOffline}), so operators can
 * read the state of the network during the outage.
 */
@ApplicationScoped
public class VerifiedPasswords {

    static final Duration TTL = Duration.ofMinutes(10);
    /** How long a verified password stays good for logins while the database is down. */
    static final Duration OFFLINE = Duration.ofHours(1);
    /** Beyond this many users the memory is emptied; it only costs the next request a slow check again. */
    private static final int MAX_USERS = 10_000;

    private record Entry(String storedHash, byte[] mac, Instant verifiedAt, Set<String> roles) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];

    public VerifiedPasswords() {
        new SecureRandom().nextBytes(key);
    }

    /** Whether this password was verified against exactly this stored hash within the last {@link #TTL}. */
    public boolean knows(String username, String storedHash, String password, Instant now) {
        Entry entry = entries.get(username);
        if (entry == null
                || !entry.storedHash().equals(storedHash)
                || !now.isBefore(entry.verifiedAt().plus(TTL))) {
            return false;
        }
        return MessageDigest.isEqual(entry.mac(), mac(password));
    }

    /** The roles of a user whose password was verified within {@link #OFFLINE}; empty otherwise. */
    public Optional<Set<String>> knownOffline(String username, String password, Instant now) {
        Entry entry = entries.get(username);
        if (entry == null
                || !now.isBefore(entry.verifiedAt().plus(OFFLINE))
                || !MessageDigest.isEqual(entry.mac(), mac(password))) {
            return Optional.empty();
        }
        return Optional.of(entry.roles());
    }

    public void remember(String username, String storedHash, String password, Set<String> roles, Instant now) {
        if (entries.size() >= MAX_USERS) {
            entries.clear();
        }
        entries.put(username, new Entry(storedHash, mac(password), now, Set.copyOf(roles)));
    }

    private byte[] mac(String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }
}
