package org.argusee.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.ArgusServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, finding 10, on a real server: a keystore made with the README's keytool line and given by
 * ARGUS_TLS_KEYSTORE / ARGUS_TLS_KEYSTORE_PASSWORD opens HTTPS on 8443 + offset, its answers carry HSTS and its
 * cookies the Secure flag (plain HTTP's carry neither), and with {@code argus.security.basic-over-http=refuse} (the
 * strict mode, so that loopback can stand for another machine) Basic over plain HTTP gets 403 while HTTPS takes it.
 * Before, the server had no HTTPS listener at all and took Basic from anywhere.
 */
class TlsListenerIT {

    private static final String STORE_PASSWORD = "tls-" + UUID.randomUUID();

    @RegisterExtension
    static final ArgusServers SERVERS = new ArgusServers();

    @TempDir
    static Path dir;

    static ArgusServer server;
    static HttpClient https;
    static HttpClient http;
    static URI secureRoot;

    @BeforeAll
    static void boot() throws Exception {
        Path keystore = dir.resolve("argus-tls.p12");
        keytool(keystore);
        server = SERVERS.create("tls")
                .secret("argus.tls.keystore", keystore.toString())
                .secret("argus.tls.keystore.password", STORE_PASSWORD)
                .property("argus.security.basic-over-http", "refuse");
        server.start();
        secureRoot = URI.create("https://127.0.0.1:" + (8443 + server.portOffset()) + "/");
        https = HttpClient.newBuilder()
                .sslContext(trusting(keystore))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void httpsAnswersWithHstsAndPlainHttpWithout() throws Exception {
        HttpResponse<String> secure = https.send(get(secureRoot.resolve("api/server"), true), text());
        assertEquals(200, secure.statusCode(), secure.body());
        assertEquals(
                "max-age=31536000",
                secure.headers().firstValue("Strict-Transport-Security").orElse(null));
        HttpResponse<String> plain = http.send(get(server.url().toURI().resolve("login.html"), false), text());
        assertEquals(200, plain.statusCode());
        assertNull(plain.headers().firstValue("Strict-Transport-Security").orElse(null), "HSTS only on HTTPS");
    }

    @Test
    void basicOverPlainHttpIsRefusedBeforeTheCheckAndTakenOverHttps() throws Exception {
        HttpResponse<String> plain = http.send(get(server.url().toURI().resolve("api/server"), true), text());
        assertEquals(403, plain.statusCode(), plain.body());
        assertTrue(plain.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(plain.body().contains("argus.security.basic-over-http"), plain.body());
        assertTrue(plain.body().contains("Use https://"), plain.body());
        HttpResponse<String> secure = https.send(get(secureRoot.resolve("api/server"), true), text());
        assertEquals(200, secure.statusCode(), secure.body());
    }

    @Test
    void theSessionCookieIsSecureOnHttpsOnly() throws Exception {
        List<String> secure = login(https, secureRoot);
        assertTrue(secure.stream().anyMatch(c -> c.startsWith("JSESSIONID=") && secure(c)), "" + secure);
        List<String> plain = login(http, server.url().toURI());
        assertTrue(plain.stream().anyMatch(c -> c.startsWith("JSESSIONID=") && !secure(c)), "" + plain);
    }

    /** Undertow writes the attribute in lower case. */
    private static boolean secure(String setCookie) {
        return java.util.Arrays.stream(setCookie.split(";"))
                .anyMatch(a -> a.strip().equalsIgnoreCase("secure"));
    }

    /** The login form (not Basic: the setting is about Basic) and the cookies its answer sets. */
    private static List<String> login(HttpClient client, URI root) throws Exception {
        String form = "username=" + Api.ADMIN + "&password=" + Api.ADMIN_PASSWORD;
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(root.resolve("auth/login"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                text());
        assertEquals(303, r.statusCode(), r.body());
        return r.headers().allValues("Set-Cookie");
    }

    private static HttpRequest get(URI uri, boolean basic) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        if (basic) {
            b.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return b.build();
    }

    private static HttpResponse.BodyHandler<String> text() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }

    /** The README's recipe: a key pair for the address the clients use, in a PKCS12 keystore. */
    private static void keytool(Path keystore) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        "argus",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        STORE_PASSWORD)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool: " + out);
        assertTrue(Files.size(keystore) > 0);
    }

    /** Trusts exactly the certificate in the server's keystore. */
    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            server.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("argus", server.getCertificate("argus"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
