package org.argusee.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * What a browser does with the server, over the JDK's HTTP and WebSocket clients: keeps the session cookie, does
 * not follow redirects (the tests look at them), sends the CSRF token and an Origin when told to.
 */
final class Browser {

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrfToken;
    private String authorization;

    Browser(URL base) {
        try {
            this.base = base.toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    URI base() {
        return base;
    }

    /** The form post; on success remembers the CSRF token from /api/session. */
    HttpResponse<String> login(String user, String password) {
        return login(user, password, null);
    }

    /** The form post from a login page that names the page to go on to ({@code next}, as login.html sends it). */
    HttpResponse<String> login(String user, String password, String next) {
        String form =
                "username=" + enc(user) + "&password=" + enc(password) + (next == null ? "" : "&next=" + enc(next));
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("auth/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        HttpResponse<String> session = get("api/session");
        if (session.statusCode() == 200) {
            csrfToken = json(session).getString("csrfToken");
        }
        return r;
    }

    /** From now on every request carries these Basic credentials, as a browser does once given them. */
    Browser basic(String user, String password) {
        authorization = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    String csrfToken() {
        return csrfToken;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** A GET as a page's fetch makes it (the browser adds Sec-Fetch-Mode: cors). */
    HttpResponse<String> fetch(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Sec-Fetch-Mode", "cors")
                .GET());
    }

    /** A change with the session cookie; the token and the Origin only when given (null: left out). */
    HttpResponse<String> send(String method, String path, String json, String token, String origin) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("X-CSRF-Token", token);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return send(b);
    }

    String origin() {
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }

    HttpCookie sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .findFirst()
                .orElse(null);
    }

    /**
     * A page's fetch that carries the given session cookie rather than the one this browser holds now: a request a
     * page sent before the answer to an earlier one (with its Set-Cookie) came back. Sent by a client without this
     * browser's cookies, and its answer's cookies are not kept.
     */
    HttpResponse<String> fetchWith(HttpCookie cookie, String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Sec-Fetch-Mode", "cors")
                .header("Cookie", cookie.getName() + "=" + cookie.getValue())
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            return HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens /live with this browser's session cookie and same-origin Origin, as a page does. */
    WebSocket live(WebSocket.Listener listener) {
        HttpCookie c = sessionCookie();
        WebSocket.Builder b = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .header("Origin", origin());
        if (c != null) {
            b.header("Cookie", c.getName() + "=" + c.getValue());
        }
        URI ws = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/live");
        try {
            return b.buildAsync(ws, listener).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new CompletionException("cannot open " + ws, e);
        }
    }

    static JsonObject json(HttpResponse<String> r) {
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("not JSON (HTTP " + r.statusCode() + "): " + r.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
