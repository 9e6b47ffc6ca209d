package org.argusee.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The users' logins (docs/security.md, "User logins"): failed logins are limited per address and per user name
 * (100 per address, 10 per name in 5 minutes: 429 with Retry-After, as problem details), a password verified
 * before still opens a held-back user name, and a
 * hash stored at an old, lower cost is raised at the next successful login. Each test speaks from a loopback
 * address of its own (127.0.0.x, a raw socket bound to it), so its failures never count against the other tests'
 * address 127.0.0.1.
 */
class LoginLimitsIT extends DeployedServer {

    static final String PASSWORD = "limits-password-1";
    final List<String> users = new ArrayList<>();

    @AfterEach
    void tearDown() {
        Api admin = Api.admin(base);
        users.forEach(u -> admin.delete("api/users/" + u));
    }

    @Test
    void anAddressPastTheLimitIsRefusedEvenWithTheRightPassword() throws IOException {
        String from = ownAddress();
        String user = user();
        for (int i = 0; i < 100; i++) {
            assertEquals(
                    401,
                    basic(from, "ghost_" + i + "_" + UUID.randomUUID(), "nope-nope")
                            .status(),
                    "try " + i);
        }
        Raw refused = basic(from, user, PASSWORD);
        assertEquals(429, refused.status(), refused.text());
        assertTrue(Integer.parseInt(refused.header("retry-after")) > 0, refused.text());
        assertTrue(refused.header("content-type").startsWith("application/problem+json"), refused.text());
        assertTrue(refused.text().contains("Too many failed logins"), refused.text());
        assertEquals(200, basic(ownAddress(), user, PASSWORD).status(), "another address is not held back");
    }

    @Test
    void aUserNamePastTheLimitIsRefusedButAPasswordVerifiedBeforeStillOpensIt() throws IOException {
        String user = user();
        assertEquals(200, basic(ownAddress(), user, PASSWORD).status());
        for (int i = 0; i < 10; i++) {
            assertEquals(401, basic(ownAddress(), user, "wrong-" + i).status(), "try " + i);
        }
        Raw guess = basic(ownAddress(), user, "wrong-again");
        assertEquals(429, guess.status(), "the user name is held back from every address: " + guess.text());
        assertEquals(200, basic(ownAddress(), user, PASSWORD).status(), "its owner's known password still works");
    }

    @Test
    void theFormLoginCountsFailuresToo() throws IOException {
        String from = ownAddress();
        for (int i = 0; i < 100; i++) {
            Raw wrong = form(from, i % 10 == 0 ? "ghost_form_" + i : "", "nope-nope");
            assertEquals(303, wrong.status());
            assertTrue(wrong.header("location").endsWith("/login.html?error=1"), wrong.header("location"));
        }
        Raw held = form(from, user(), PASSWORD);
        assertEquals(303, held.status());
        assertTrue(held.header("location").contains("/login.html?error=wait&retry="), held.header("location"));
    }

    @Test
    void aHashOfTheOldCostIsRaisedAtTheNextLogin() throws Exception {
        String user = user();
        try (Connection db = TestDatabase.connect();
                PreparedStatement set =
                        db.prepareStatement("update argus.app_user set password_hash = ? where username = ?")) {
            set.setString(1, oldHash(PASSWORD));
            set.setString(2, user);
            assertEquals(1, set.executeUpdate());
        }
        assertEquals(200, basic(ownAddress(), user, PASSWORD).status(), "the old hash still checks");
        String stored = storedHash(user);
        assertTrue(stored.startsWith("PBKDF2WithHmacSHA256:600000:"), stored);
        assertEquals(200, basic(ownAddress(), user, PASSWORD).status(), "and the new one too");
        assertEquals(401, basic(ownAddress(), user, "wrong-password").status());
    }

    String user() {
        String name = "limits_" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = Api.admin(base).post("api/users", """
                {"username": "%s", "password": "%s", "roles": ["user"]}""".formatted(name, PASSWORD));
        assertEquals(201, created.status(), created.body());
        users.add(name);
        return name;
    }

    /** A loopback address no other test speaks from. */
    static String ownAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "127." + r.nextInt(10, 250) + "." + r.nextInt(1, 250) + "." + r.nextInt(2, 250);
    }

    /** What the platform stores, made as before this server raised the cost: 10,000 iterations. */
    static String oldHash(String password) throws Exception {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 10_000, 256))
                .getEncoded();
        Base64.Encoder b64 = Base64.getEncoder();
        return "PBKDF2WithHmacSHA256:10000:" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    static String storedHash(String user) throws SQLException {
        try (Connection db = TestDatabase.connect();
                PreparedStatement get =
                        db.prepareStatement("select password_hash from argus.app_user where username = ?")) {
            get.setString(1, user);
            try (ResultSet rs = get.executeQuery()) {
                assertTrue(rs.next(), user);
                return rs.getString(1);
            }
        }
    }

    Raw basic(String from, String user, String password) throws IOException {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return Raw.send(
                from,
                base.getHost(),
                base.getPort(),
                "GET " + base.getPath() + "api/session HTTP/1.1\r\n" + "Authorization: Basic " + token + "\r\n\r\n");
    }

    Raw form(String from, String user, String password) throws IOException {
        String body = "username=" + user + "&password=" + password;
        return Raw.send(
                from,
                base.getHost(),
                base.getPort(),
                "POST " + base.getPath() + "auth/login HTTP/1.1\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                        + "\r\n\r\n"
                        + body);
    }

    /** One HTTP/1.1 exchange over a socket bound to a chosen loopback source address. */
    record Raw(int status, String head, String text) {

        static Raw send(String from, String host, int port, String request) throws IOException {
            int headEnd = request.indexOf("\r\n\r\n");
            String full = request.substring(0, headEnd) + "\r\nHost: " + host + ":" + port + "\r\nConnection: close"
                    + request.substring(headEnd);
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(from, 0));
                socket.connect(new InetSocketAddress(host, port), 10_000);
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(full.getBytes(StandardCharsets.UTF_8));
                out.flush();
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                in.transferTo(all);
                String answer = all.toString(StandardCharsets.UTF_8);
                int split = answer.indexOf("\r\n\r\n");
                String head = split < 0 ? answer : answer.substring(0, split);
                int status = Integer.parseInt(head.substring(9, 12));
                return new Raw(status, head, split < 0 ? "" : answer.substring(split + 4));
            }
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return "";
        }
    }
}
