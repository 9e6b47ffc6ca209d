package org.argusee.darp.control.login;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.argusee.darp.control.ScramProof;
import org.argusee.darp.control.ScramVerifier;
import org.argusee.platform.control.LoginThrottle;

/**
 * The master's side of a slave login: challenges, proofs, tokens and the rate limit, without a container. Every
 * refusal looks the same to the caller and is logged with its real reason. See docs/design/60-darp.md.
 */
public final class LoginDesk {

    private static final Logger LOG = Logger.getLogger(LoginDesk.class.getName());
    static final Duration CHALLENGE_LIFETIME = Duration.ofSeconds(30);

    /** A slave peer as the login needs it; {@code verifier} may be null (no secret set yet). */
    public record SlaveSecret(String tag, String verifier, String allowedAddresses) {}

    public record ChallengeAnswer(String nonce, String salt, int iterations, Duration expiresIn) {}

    public sealed interface Outcome permits Granted, Refused, Throttled {}

    public record Granted(String tag, String token, Duration lifetime, byte[] serverSignature) implements Outcome {}

    public record Refused() implements Outcome {}

    public record Throttled(Duration retryAfter) implements Outcome {}

    /** Thrown for a challenge request refused by the rate limit or the caps; the caller answers 429. */
    public static final class TooMany extends RuntimeException {
        private final transient Duration retryAfter;

        TooMany(Duration retryAfter) {
            super("too many login attempts from this address", null, false, false);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private final Function<String, Optional<SlaveSecret>> slaves;
    private final Function<String, List<InetAddress>> resolver;
    private final Challenges challenges = new Challenges(CHALLENGE_LIFETIME, 20, 20, 10_000);
    private final LoginThrottle throttle;
    private final Tokens tokens;
    private final SecureRandom random;
    private final byte[] fakeSaltKey = new byte[32];

    public LoginDesk(
            Function<String, Optional<SlaveSecret>> slaves,
            Function<String, List<InetAddress>> resolver,
            Tokens tokens,
            LoginThrottle throttle,
            SecureRandom random) {
        this.slaves = slaves;
        this.resolver = resolver;
        this.tokens = tokens;
        this.throttle = throttle;
        this.random = random;
        random.nextBytes(fakeSaltKey);
    }

    public Tokens tokens() {
        return tokens;
    }

    /**
     * A challenge for {@code tag}. Unknown tags get a stable fake salt, and the address is not checked yet, so the
     * answer tells a stranger nothing.
     *
     * @throws TooMany if the address is over its failure limit
     */
    public ChallengeAnswer challenge(String tag, String clientNonce, String address, Instant now) {
        throttle.blocked(address, now).ifPresent(wait -> {
            throw new TooMany(wait);
        });
        Optional<ScramVerifier> verifier =
                slaves.apply(tag).map(SlaveSecret::verifier).flatMap(LoginDesk::parse);
        byte[] salt = verifier.map(ScramVerifier::salt).orElseGet(() -> fakeSalt(tag));
        int iterations = verifier.map(ScramVerifier::iterations).orElse(ScramVerifier.DEFAULT_ITERATIONS);
        byte[] serverNonce = new byte[24];
        random.nextBytes(serverNonce);
        String nonce = clientNonce + Base64.getEncoder().encodeToString(serverNonce);
        Challenges.Challenge c =
                challenges.issue(tag, clientNonce, nonce, ScramProof.base64(salt), iterations, address, now);
        return new ChallengeAnswer(c.nonce(), c.salt(), c.iterations(), CHALLENGE_LIFETIME);
    }

    public Outcome login(String tag, String nonce, byte[] proof, InetAddress caller, Instant now) {
        String address = caller.getHostAddress();
        Optional<Duration> blocked = throttle.blocked(address, now);
        if (blocked.isPresent()) {
            LOG.warning(
                    () -> "DARP login from " + address + " refused: too many failures (slave '" + clean(tag) + "')");
            return new Throttled(blocked.get());
        }
        Optional<Challenges.Challenge> challenge = challenges.take(nonce, now);
        String reason = null;
        Optional<SlaveSecret> slave = slaves.apply(tag);
        Optional<ScramVerifier> verifier = slave.map(SlaveSecret::verifier).flatMap(LoginDesk::parse);
        String authMessage = challenge
                .map(c -> ScramProof.authMessage(tag, c.clientNonce(), c.nonce(), c.salt(), c.iterations()))
                .orElse("");
        if (challenge.isEmpty()) {
            reason = "unknown, expired or already used challenge";
        } else if (!challenge.get().tag().equals(tag)
                || !challenge.get().address().equals(address)) {
            reason = "challenge was issued for another tag or address";
        } else if (slave.isEmpty()) {
            reason = "no slave peer with this tag";
        } else if (verifier.isEmpty()) {
            reason = "the peer has no secret set";
        } else if (!AddressRules.allows(slave.get().allowedAddresses(), caller, resolver)) {
            reason = "address not allowed for this slave";
        } else if (!ScramProof.verify(verifier.get(), authMessage, proof)) {
            reason = "wrong proof (wrong secret)";
        }
        if (reason != null) {
            throttle.failed(address, now);
            String why = reason;
            LOG.warning(() -> "DARP login of slave '" + clean(tag) + "' from " + address + " refused: " + why);
            return new Refused();
        }
        throttle.succeeded(address);
        String token = tokens.issue(
                tag, address, now, ScramProof.sessionKey(verifier.get().serverKey(), authMessage));
        LOG.info(() -> "DARP slave '" + tag + "' logged in from " + address);
        return new Granted(tag, token, tokens.lifetime(), ScramProof.serverSignature(verifier.get(), authMessage));
    }

    private byte[] fakeSalt(String tag) {
        byte[] mac = ScramProof.hmacSha256(fakeSaltKey, "fake-salt:" + tag);
        byte[] salt = new byte[16];
        System.arraycopy(mac, 0, salt, 0, salt.length);
        return salt;
    }

    private static Optional<ScramVerifier> parse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(ScramVerifier.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The tag as written by a stranger: no control characters or log forging, and short. */
    public static String clean(String tag) {
        if (tag == null) {
            return "(none)";
        }
        String s = tag.replaceAll("[^\\x20-\\x7e]", "?");
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }
}
