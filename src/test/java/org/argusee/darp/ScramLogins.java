package org.argusee.darp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Base64;
import org.argusee.darp.control.ScramProof;
import org.argusee.testsupport.Api;

/** A slave's login body made by hand (challenge, then the SCRAM proof), for tests that replay or tamper with it. */
final class ScramLogins {

    static final String CLIENT_NONCE =
            Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});

    private ScramLogins() {}

    /** Asks the master for a fresh challenge and answers it: a body to post to {@code api/darp/v1/login}. */
    static String loginBody(Api anonymous, String tag, String secret) {
        Api.Reply challenge = anonymous.post(
                "api/darp/v1/challenge", "{\"tag\":\"" + tag + "\",\"clientNonce\":\"" + CLIENT_NONCE + "\"}");
        assertEquals(200, challenge.status(), challenge.toString());
        return proofBody(tag, secret, challenge.json());
    }

    /** The login body answering challenge {@code c}. */
    static String proofBody(String tag, String secret, JsonObject c) {
        String nonce = c.getString("nonce");
        String salt = c.getString("salt");
        int iterations = c.getInt("iterations");
        byte[] proof = ScramProof.clientProof(
                secret,
                Base64.getDecoder().decode(salt),
                iterations,
                ScramProof.authMessage(tag, CLIENT_NONCE, nonce, salt, iterations));
        return Json.createObjectBuilder()
                .add("tag", tag)
                .add("nonce", nonce)
                .add("proof", ScramProof.base64(proof))
                .build()
                .toString();
    }
}
