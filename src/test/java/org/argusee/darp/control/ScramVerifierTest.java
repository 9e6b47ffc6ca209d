package org.argusee.darp.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ScramVerifierTest {

    /** The example exchange of RFC 7677 section 3 (user "user", password "pencil"). */
    private static final String SALT = "W22ZaJ0SNY7soEsUEjb6gQ==";

    private static final String AUTH_MESSAGE = "n=user,r=rOprNGfwEbeRWgbNEkqO,"
            + "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
            + "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";

    @Test
    void keysReproduceTheRfc7677Example() {
        ScramVerifier verifier =
                ScramVerifier.derive("pencil", Base64.getDecoder().decode(SALT), 4096);
        byte[] clientKey = ScramVerifier.hmac(
                ScramVerifier.saltedPassword("pencil", Base64.getDecoder().decode(SALT), 4096), "Client Key");
        byte[] clientSignature = ScramVerifier.hmac(verifier.storedKey(), AUTH_MESSAGE);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
        }
        assertEquals(
                "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
                Base64.getEncoder().encodeToString(proof));
        assertEquals(
                "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=",
                Base64.getEncoder().encodeToString(ScramVerifier.hmac(verifier.serverKey(), AUTH_MESSAGE)));
    }

    @Test
    void textRoundTripsInPostgresForm() {
        ScramVerifier verifier = ScramVerifier.create("correct horse battery");
        String text = verifier.text();
        assertTrue(text.matches("SCRAM-SHA-256\\$4096:[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+"), text);
        ScramVerifier parsed = ScramVerifier.parse(text);
        assertEquals(4096, parsed.iterations());
        assertArrayEquals(verifier.storedKey(), parsed.storedKey());
        assertArrayEquals(verifier.serverKey(), parsed.serverKey());
    }

    @Test
    void matchesOnlyItsSecret() {
        ScramVerifier verifier = ScramVerifier.create("secret-password");
        assertTrue(verifier.matches("secret-password"));
        assertFalse(verifier.matches("secret-passwore"));
        assertFalse(verifier.matches(""));
    }

    @Test
    void saltMakesEachVerifierDifferent() {
        assertNotEquals(
                ScramVerifier.create("same secret").text(),
                ScramVerifier.create("same secret").text());
    }

    @Test
    void neitherTextNorToStringHoldsTheSecret() {
        ScramVerifier verifier = ScramVerifier.create("dont-tell-anyone");
        assertFalse(verifier.text().contains("dont-tell-anyone"));
        assertFalse(new String(
                        Base64.getDecoder()
                                .decode(verifier.text().split("\\$")[2].split(":")[0]),
                        StandardCharsets.ISO_8859_1)
                .contains("dont-tell"));
        assertFalse(verifier.toString().contains("dont-tell"));
    }

    @Test
    void refusesWhatIsNotAVerifier() {
        assertThrows(IllegalArgumentException.class, () -> ScramVerifier.parse("secret-password"));
        assertThrows(IllegalArgumentException.class, () -> ScramVerifier.parse("md5abcdef"));
        assertThrows(IllegalArgumentException.class, () -> ScramVerifier.parse(null));
    }
}
