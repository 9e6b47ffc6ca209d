package org.argusee.darp.control.login;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.argusee.darp.control.ScramProof;
import org.argusee.darp.control.ScramVerifier;
import org.argusee.darp.control.login.LoginDesk.ChallengeAnswer;
import org.argusee.darp.control.login.LoginDesk.Granted;
import org.argusee.darp.control.login.LoginDesk.Outcome;
import org.argusee.platform.control.LoginThrottle;
import org.junit.jupiter.api.Test;

/** The master's login: the maths, single-use challenges, address rules and the rate limit. */
class LoginDeskTest {

    static final String SECRET = "correct horse battery staple";
    static final InetAddress SLAVE = address("192.0.2.10");
    static final InetAddress STRANGER = address("198.51.100.7");

    final Map<String, LoginDesk.SlaveSecret> peers = Map.of(
            "slave1",
                    new LoginDesk.SlaveSecret(
                            "slave1", ScramVerifier.create(SECRET).text(), "192.0.2.0/24"),
            "nosecret", new LoginDesk.SlaveSecret("nosecret", null, "192.0.2.10"),
            "byname",
                    new LoginDesk.SlaveSecret(
                            "byname", ScramVerifier.create(SECRET).text(), "slave.example.net"));
    final Map<String, List<InetAddress>> dns = Map.of("slave.example.net", List.of(SLAVE));
    final LoginDesk desk = new LoginDesk(
            tag -> Optional.ofNullable(peers.get(tag)),
            name -> dns.getOrDefault(name, List.of()),
            new Tokens(Duration.ofMinutes(5), new SecureRandom()),
            new LoginThrottle(5, Duration.ofSeconds(60)),
            new SecureRandom());
    Instant now = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void rightSecretFromAnAllowedAddressIsGrantedATokenBoundToThatAddress() {
        Attempt a = challenge("slave1", SLAVE);
        Outcome outcome = desk.login("slave1", a.answer.nonce(), a.proof(SECRET), SLAVE, now);

        Granted granted = assertInstanceOf(Granted.class, outcome);
        assertArrayEquals(
                a.expectedServerSignature(SECRET),
                granted.serverSignature(),
                "the master proves it holds the verifier");
        assertEquals(Optional.of("slave1"), desk.tokens().check(granted.token(), SLAVE.getHostAddress(), now));
        assertEquals(
                Optional.empty(),
                desk.tokens().check(granted.token(), STRANGER.getHostAddress(), now),
                "the token is bound to the address");
        assertEquals(
                Optional.empty(),
                desk.tokens().check(granted.token(), SLAVE.getHostAddress(), now.plus(Duration.ofMinutes(6))),
                "the token expires");
    }

    @Test
    void aHostnameEntryAllowsWhatItResolvesTo() {
        Attempt a = challenge("byname", SLAVE);
        assertInstanceOf(Granted.class, desk.login("byname", a.answer.nonce(), a.proof(SECRET), SLAVE, now));
    }

    @Test
    void wrongSecretIsRefused() {
        Attempt a = challenge("slave1", SLAVE);
        assertInstanceOf(
                LoginDesk.Refused.class, desk.login("slave1", a.answer.nonce(), a.proof("wrong secret"), SLAVE, now));
    }

    @Test
    void aReplayedLoginIsRefused() {
        Attempt a = challenge("slave1", SLAVE);
        byte[] proof = a.proof(SECRET);
        assertInstanceOf(Granted.class, desk.login("slave1", a.answer.nonce(), proof, SLAVE, now));

        assertInstanceOf(
                LoginDesk.Refused.class,
                desk.login("slave1", a.answer.nonce(), proof, SLAVE, now),
                "the same challenge and proof a second time");
    }

    @Test
    void aProofForOneChallengeIsWorthNothingForAnother() {
        Attempt first = challenge("slave1", SLAVE);
        Attempt second = challenge("slave1", SLAVE);
        assertInstanceOf(
                LoginDesk.Refused.class, desk.login("slave1", second.answer.nonce(), first.proof(SECRET), SLAVE, now));
    }

    @Test
    void anExpiredChallengeIsRefused() {
        Attempt a = challenge("slave1", SLAVE);
        now = now.plus(LoginDesk.CHALLENGE_LIFETIME).plusSeconds(1);
        assertInstanceOf(LoginDesk.Refused.class, desk.login("slave1", a.answer.nonce(), a.proof(SECRET), SLAVE, now));
    }

    @Test
    void rightSecretFromAnotherAddressIsRefused() {
        Attempt a = challenge("slave1", STRANGER);
        assertInstanceOf(
                LoginDesk.Refused.class, desk.login("slave1", a.answer.nonce(), a.proof(SECRET), STRANGER, now));
    }

    @Test
    void aChallengeTakenFromOneAddressCannotBeAnsweredFromAnother() {
        Attempt a = challenge("slave1", STRANGER);
        assertInstanceOf(LoginDesk.Refused.class, desk.login("slave1", a.answer.nonce(), a.proof(SECRET), SLAVE, now));
    }

    @Test
    void unknownTagAndPeerWithoutSecretAreRefused() {
        Attempt unknown = challenge("nobody", SLAVE);
        assertInstanceOf(
                LoginDesk.Refused.class,
                desk.login("nobody", unknown.answer.nonce(), unknown.proof(SECRET), SLAVE, now));
        Attempt noSecret = challenge("nosecret", SLAVE);
        assertInstanceOf(
                LoginDesk.Refused.class,
                desk.login("nosecret", noSecret.answer.nonce(), noSecret.proof(SECRET), SLAVE, now));
    }

    @Test
    void anUnknownTagGetsAStableSaltSoTheChallengeRevealsNothing() {
        ChallengeAnswer one = challenge("nobody", SLAVE).answer;
        ChallengeAnswer two = challenge("nobody", STRANGER).answer;
        ChallengeAnswer other = challenge("someone-else", SLAVE).answer;
        assertEquals(one.salt(), two.salt());
        assertNotEquals(one.salt(), other.salt());
        assertEquals(ScramVerifier.DEFAULT_ITERATIONS, one.iterations());
        assertEquals(16, Base64.getDecoder().decode(one.salt()).length);
    }

    @Test
    void failuresPastTheLimitBlockTheAddressEvenWithTheRightSecret() {
        for (int i = 0; i < 5; i++) {
            Attempt a = challenge("slave1", SLAVE);
            assertInstanceOf(
                    LoginDesk.Refused.class, desk.login("slave1", a.answer.nonce(), a.proof("guess" + i), SLAVE, now));
        }
        assertThrows(LoginDesk.TooMany.class, () -> challenge("slave1", SLAVE), "challenges refused too");

        now = now.plusSeconds(61);
        Attempt a = challenge("slave1", SLAVE);
        assertInstanceOf(
                Granted.class,
                desk.login("slave1", a.answer.nonce(), a.proof(SECRET), SLAVE, now),
                "the window passed");
    }

    @Test
    void aBlockedAddressIsThrottledAtLoginAndOthersAreNot() {
        Attempt pending = challenge("slave1", SLAVE);
        for (int i = 0; i < 5; i++) {
            Attempt a = challenge("slave1", SLAVE);
            desk.login("slave1", a.answer.nonce(), a.proof("guess" + i), SLAVE, now);
        }
        LoginDesk.Throttled throttled = assertInstanceOf(
                LoginDesk.Throttled.class,
                desk.login("slave1", pending.answer.nonce(), pending.proof(SECRET), SLAVE, now));
        assertTrue(throttled.retryAfter().compareTo(Duration.ofSeconds(60)) <= 0, throttled.toString());

        assertEquals(
                ScramVerifier.DEFAULT_ITERATIONS,
                challenge("nobody", STRANGER).answer.iterations(),
                "another address is not affected");
    }

    @Test
    void aSuccessClearsTheAddressCount() {
        for (int i = 0; i < 4; i++) {
            Attempt a = challenge("slave1", SLAVE);
            desk.login("slave1", a.answer.nonce(), a.proof("guess" + i), SLAVE, now);
        }
        Attempt right = challenge("slave1", SLAVE);
        assertInstanceOf(Granted.class, desk.login("slave1", right.answer.nonce(), right.proof(SECRET), SLAVE, now));
        for (int i = 0; i < 4; i++) {
            Attempt a = challenge("slave1", SLAVE);
            desk.login("slave1", a.answer.nonce(), a.proof("again" + i), SLAVE, now);
        }
        Attempt last = challenge("slave1", SLAVE);
        assertInstanceOf(Granted.class, desk.login("slave1", last.answer.nonce(), last.proof(SECRET), SLAVE, now));
    }

    @Test
    void aFloodOfChallengesForTheSlavesTagDoesNotKeepItOut() {
        Attempt mine = challenge("slave1", SLAVE);
        for (int i = 0; i < 200; i++) {
            challenge("slave1", STRANGER); // before issue 15 the 21st was refused (429), as the slave's would be
        }
        assertInstanceOf(Granted.class, desk.login("slave1", mine.answer.nonce(), mine.proof(SECRET), SLAVE, now));
        Attempt again = challenge("slave1", SLAVE);
        assertInstanceOf(Granted.class, desk.login("slave1", again.answer.nonce(), again.proof(SECRET), SLAVE, now));
    }

    @Test
    void revokedTokensStopWorking() {
        Attempt a = challenge("slave1", SLAVE);
        Granted g = (Granted) desk.login("slave1", a.answer.nonce(), a.proof(SECRET), SLAVE, now);
        desk.tokens().revoke("slave1");
        assertEquals(Optional.empty(), desk.tokens().check(g.token(), SLAVE.getHostAddress(), now));
    }

    @Test
    void logTextOfAStrangersTagIsCleaned() {
        assertEquals("evil?INFO forged", LoginDesk.clean("evil\nINFO forged"));
        assertEquals(67, LoginDesk.clean("x".repeat(500)).length());
    }

    private Attempt challenge(String tag, InetAddress from) {
        byte[] nonce = new byte[18];
        new SecureRandom().nextBytes(nonce);
        String clientNonce = Base64.getEncoder().encodeToString(nonce);
        return new Attempt(tag, clientNonce, desk.challenge(tag, clientNonce, from.getHostAddress(), now));
    }

    private record Attempt(String tag, String clientNonce, ChallengeAnswer answer) {
        String auth() {
            return ScramProof.authMessage(tag, clientNonce, answer.nonce(), answer.salt(), answer.iterations());
        }

        byte[] proof(String secret) {
            return ScramProof.clientProof(
                    secret, Base64.getDecoder().decode(answer.salt()), answer.iterations(), auth());
        }

        byte[] expectedServerSignature(String secret) {
            return ScramProof.expectedServerSignature(
                    secret, Base64.getDecoder().decode(answer.salt()), answer.iterations(), auth());
        }
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
