package org.argusee.darp.control;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * The SCRAM-SHA-256 exchange of a DARP login (RFC 5802 section 3), both sides. The slave proves it knows the
 * secret without sending it; the master checks the proof with the stored verifier alone and proves back that it
 * holds the verifier. Everything is bound to one {@link #authMessage}, so a proof is worth nothing for another
 * challenge.
 */
public final class ScramProof {

    private ScramProof() {}

    /**
     * The slave's two keys of one (secret, salt, iterations): the costly PBKDF2 runs once for both, and a slave
     * can keep them for a master that has proved itself with that salt and count.
     */
    public record Keys(byte[] clientKey, byte[] serverKey) {

        public static Keys derive(String secret, byte[] salt, int iterations) {
            byte[] salted = ScramVerifier.saltedPassword(secret, salt, iterations);
            return new Keys(ScramVerifier.hmac(salted, "Client Key"), ScramVerifier.hmac(salted, "Server Key"));
        }

        @Override
        public String toString() {
            return "Keys[***]";
        }
    }

    /** Slave side, from keys already derived: {@code ClientKey XOR HMAC(StoredKey, AuthMessage)}. */
    public static byte[] clientProof(Keys keys, String authMessage) {
        return xor(keys.clientKey(), hmac(ScramVerifier.sha256(keys.clientKey()), authMessage));
    }

    /** Slave side, from keys already derived: what the master must answer. */
    public static byte[] expectedServerSignature(Keys keys, String authMessage) {
        return hmac(keys.serverKey(), authMessage);
    }

    /** What both sides sign: the tag and every part of the challenge. */
    public static String authMessage(String tag, String clientNonce, String nonce, String salt, int iterations) {
        return "argus-darp-v1," + tag + "," + clientNonce + "," + nonce + "," + salt + "," + iterations;
    }

    /** Slave side: {@code ClientKey XOR HMAC(StoredKey, AuthMessage)}. */
    public static byte[] clientProof(String secret, byte[] salt, int iterations, String authMessage) {
        byte[] salted = ScramVerifier.saltedPassword(secret, salt, iterations);
        byte[] clientKey = ScramVerifier.hmac(salted, "Client Key");
        byte[] signature = hmac(ScramVerifier.sha256(clientKey), authMessage);
        return xor(clientKey, signature);
    }

    /** Slave side: what the master must answer, {@code HMAC(ServerKey, AuthMessage)}. */
    public static byte[] expectedServerSignature(String secret, byte[] salt, int iterations, String authMessage) {
        byte[] salted = ScramVerifier.saltedPassword(secret, salt, iterations);
        return hmac(ScramVerifier.hmac(salted, "Server Key"), authMessage);
    }

    /** Master side: does {@code proof} come from the secret behind {@code verifier}? Constant time. */
    public static boolean verify(ScramVerifier verifier, String authMessage, byte[] proof) {
        Objects.requireNonNull(verifier, "verifier");
        if (proof == null || proof.length != verifier.storedKey().length) {
            return false;
        }
        byte[] clientKey = xor(proof, hmac(verifier.storedKey(), authMessage));
        return MessageDigest.isEqual(ScramVerifier.sha256(clientKey), verifier.storedKey());
    }

    /** Master side: proves to the slave that this master holds its verifier. */
    public static byte[] serverSignature(ScramVerifier verifier, String authMessage) {
        return hmac(verifier.serverKey(), authMessage);
    }

    /** The header that carries {@link #configMac} on a config answer. */
    public static final String CONFIG_MAC_HEADER = "Argus-Darp-Mac";

    /**
     * A key only this login's two ends know (issue 15, finding 1): from the ServerKey, which the master holds in its
     * verifier and the slave derives from the secret, and this login's AuthMessage. Nobody on the path has it, so
     * what it signs cannot be changed on the way. Differs from the server signature, which crosses the wire.
     */
    public static byte[] sessionKey(byte[] serverKey, String authMessage) {
        return hmac(serverKey, "argus-darp-v1 session key," + authMessage);
    }

    /** The header in which the slave sends a fresh nonce with each config fetch; both answers' MACs cover it. */
    public static final String NONCE_HEADER = "Argus-Darp-Nonce";

    /**
     * The MAC of a config document as sent, in answer to the fetch that carried {@code nonce}: base64 of
     * {@code HMAC(sessionKey, "argus-darp-v1 config\n" nonce "\n" body)}. The nonce makes it an answer to this fetch
     * only, so an older document of the same login cannot be replayed to roll the slave back.
     */
    public static String configMac(byte[] sessionKey, String nonce, String body) {
        return base64(hmac(sessionKey, "argus-darp-v1 config\n" + nonce + "\n" + body));
    }

    /**
     * The MAC of a 304 (issue 15: it had none, so anyone on the path could keep a slave on its last config): base64
     * of {@code HMAC(sessionKey, "argus-darp-v1 not-modified\n" nonce "\n" etag)}.
     */
    public static String notModifiedMac(byte[] sessionKey, String nonce, String etag) {
        return base64(hmac(sessionKey, "argus-darp-v1 not-modified\n" + nonce + "\n" + etag));
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static byte[] hmacSha256(byte[] key, String message) {
        return ScramVerifier.hmac(key, message);
    }

    private static byte[] hmac(byte[] key, String message) {
        return ScramVerifier.hmac(key, message);
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }
}
