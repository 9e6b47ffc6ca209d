package org.argusee.darp.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A salted SCRAM-SHA-256 verifier of a DARP secret (RFC 5802/7677), in PostgreSQL's text form
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}. It lets the master check a slave's
 * challenge-response proof and prove itself back, while holding nothing that would let it log in as the slave.
 */
public record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {

    public static final int DEFAULT_ITERATIONS = 4096;
    private static final Pattern FORMAT = Pattern.compile(
            "SCRAM-SHA-256\\$(\\d{4,7}):([A-Za-z0-9+/]+={0,2})\\$([A-Za-z0-9+/]+={0,2}):([A-Za-z0-9+/]+={0,2})");

    public static ScramVerifier create(String secret) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return derive(secret, salt, DEFAULT_ITERATIONS);
    }

    public static ScramVerifier derive(String secret, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(secret, salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key");
        return new ScramVerifier(iterations, salt.clone(), sha256(clientKey), hmac(salted, "Server Key"));
    }

    public static ScramVerifier parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a SCRAM-SHA-256 verifier");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return new ScramVerifier(
                Integer.parseInt(m.group(1)), b64.decode(m.group(2)), b64.decode(m.group(3)), b64.decode(m.group(4)));
    }

    /** True if {@code secret} is the one this verifier was made from (constant time). */
    public boolean matches(String secret) {
        ScramVerifier other = derive(secret, salt, iterations);
        return MessageDigest.isEqual(storedKey, other.storedKey) && MessageDigest.isEqual(serverKey, other.serverKey);
    }

    public String text() {
        Base64.Encoder b64 = Base64.getEncoder();
        return "SCRAM-SHA-256$" + iterations + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey)
                + ":" + b64.encodeToString(serverKey);
    }

    @Override
    public String toString() {
        return "ScramVerifier[" + iterations + " iterations]";
    }

    static byte[] saltedPassword(String secret, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }

    static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
