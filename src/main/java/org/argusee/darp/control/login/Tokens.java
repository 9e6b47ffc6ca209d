package org.argusee.darp.control.login;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tokens given to slaves at login: random, short-lived, each bound to one slave tag and the address it logged in
 * from. Kept in memory only: after a master restart slaves simply log in again.
 */
public final class Tokens {

    private record Grant(String tag, String address, Instant expires, byte[] sessionKey) {}

    private final Duration lifetime;
    private final SecureRandom random;
    private final Map<String, Grant> grants = new HashMap<>();

    public Tokens(Duration lifetime, SecureRandom random) {
        this.lifetime = lifetime;
        this.random = random;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** @param sessionKey the login's key (ScramProof.sessionKey) that signs what this token fetches */
    public synchronized String issue(String tag, String address, Instant now, byte[] sessionKey) {
        grants.values().removeIf(g -> !g.expires().isAfter(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        grants.put(token, new Grant(tag, address, now.plus(lifetime), sessionKey.clone()));
        return token;
    }

    /** The slave's tag if the token is known, unexpired and used from the address it was given to. */
    public synchronized Optional<String> check(String token, String address, Instant now) {
        Grant g = token == null ? null : grants.get(token);
        if (g == null || !g.expires().isAfter(now) || !g.address().equals(address)) {
            return Optional.empty();
        }
        return Optional.of(g.tag());
    }

    /** The login's session key, under the same conditions as {@link #check}. */
    public synchronized Optional<byte[]> sessionKey(String token, String address, Instant now) {
        Grant g = token == null ? null : grants.get(token);
        if (g == null || !g.expires().isAfter(now) || !g.address().equals(address)) {
            return Optional.empty();
        }
        return Optional.of(g.sessionKey().clone());
    }

    /** A peer was deleted or its secret rotated: its tokens stop working. */
    public synchronized void revoke(String tag) {
        grants.values().removeIf(g -> g.tag().equals(tag));
    }
}
