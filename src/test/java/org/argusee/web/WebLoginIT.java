package org.argusee.web;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Form login beside HTTP Basic, the session cookie, the login redirect of pages, the CSRF and Origin guard, and
 * which role may do what (docs/design/80-web.md).
 */
class WebLoginIT extends DeployedServer {

    static final String PASSWORD = "web-password-1";

    Api admin;
    String group;
    final List<String> users = new ArrayList<>();

    @BeforeEach
    void setUp() {
        admin = Api.admin(base);
        group = "Top:web_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                admin.post(object("Top") + "/children", """
                {"kind": "Group", "name": "%s"}""".formatted(group.substring(4)))
                        .status());
    }

    @AfterEach
    void tearDown() {
        admin.delete(object(group) + "?recursive=true");
        users.forEach(u -> admin.delete("api/users/" + u));
    }

    String user(String role) {
        String name = "web_" + role + "_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                admin.post("api/users", """
                {"username": "%s", "password": "%s", "roles": ["%s"]}""".formatted(name, PASSWORD, role)).status());
        users.add(name);
        return name;
    }

    @Test
    void loginOpensASessionWithASafeCookie() {
        String staff = user("staff");
        Browser browser = new Browser(base);
        HttpResponse<String> login = browser.login(staff, PASSWORD);
        assertEquals(303, login.statusCode(), login.body());
        assertEquals(
                "/",
                login.headers()
                        .firstValue("Location")
                        .map(l -> l.replaceFirst("^https?://[^/]+", ""))
                        .orElse(null));
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + login.headers()));
        String flags = cookie.toLowerCase(Locale.ROOT);
        assertTrue(flags.contains("httponly"), cookie);
        assertTrue(flags.contains("samesite=strict"), cookie);
        assertFalse(flags.contains("secure"), "plain HTTP: not Secure, or the browser would drop it: " + cookie);

        JsonObject session = Browser.json(browser.get("api/session"));
        assertEquals(staff, session.getString("user"));
        assertEquals(
                List.of("staff"),
                session.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        assertTrue(session.getString("csrfToken").length() >= 32, session.toString());
        assertEquals(200, browser.get("api/status/" + Api.encode(group)).statusCode(), "the API takes the session");
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        String staff = user("staff");
        Browser wrongPassword = new Browser(base);
        Browser unknownUser = new Browser(base);
        HttpResponse<String> a = wrongPassword.login(staff, PASSWORD + "x");
        HttpResponse<String> b = unknownUser.login("nobody_" + UUID.randomUUID(), PASSWORD);
        for (HttpResponse<String> r : List.of(a, b)) {
            assertEquals(303, r.statusCode());
            assertTrue(
                    r.headers().firstValue("Location").orElse("").endsWith("/login.html?error=1"),
                    r.headers().toString());
        }
        assertEquals(a.body(), b.body());
        assertNull(wrongPassword.sessionCookie(), "no session for a failed login");
        assertTrue(
                wrongPassword
                        .get("api/session")
                        .headers()
                        .firstValue("WWW-Authenticate")
                        .isPresent(),
                "a script is challenged");
        assertTrue(
                wrongPassword
                        .fetch("api/session")
                        .headers()
                        .firstValue("WWW-Authenticate")
                        .isEmpty(),
                "a page's fetch is not: the browser would open its own password dialog");
        HttpResponse<String> session = wrongPassword.get("api/session");
        assertEquals(401, session.statusCode());
        assertTrue(session.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void aFailedLoginKeepsThePageTheUserWasGoingTo() {
        String staff = user("staff");
        Browser b = new Browser(base);
        String wrong = b.login(staff, PASSWORD + "x", "/object.html?name=Top")
                .headers()
                .firstValue("Location")
                .orElse("");
        assertTrue(wrong.endsWith("/login.html?error=1&next=%2Fobject.html%3Fname%3DTop"), wrong);
        String foreign = b.login(staff, PASSWORD + "x", "//127.0.0.2/")
                .headers()
                .firstValue("Location")
                .orElse("");
        assertTrue(foreign.endsWith("/login.html?error=1"), "only a local path is kept: " + foreign);
        String right = b.login(staff, PASSWORD, "/object.html?name=Top")
                .headers()
                .firstValue("Location")
                .orElse("");
        assertTrue(right.endsWith("/object.html?name=Top"), right);
    }

    @Test
    void pagesWithoutASessionGoToTheLoginPage() {
        Browser browser = new Browser(base);
        HttpResponse<String> page = browser.get("index.html");
        assertEquals(302, page.statusCode());
        assertTrue(
                page.headers().firstValue("Location").orElse("").contains("/login.html?next=%2Findex.html"),
                page.headers().toString());
        HttpResponse<String> login = browser.get("login.html");
        assertEquals(200, login.statusCode());
        String policy = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(List.of(policy.split(";\\s*")).contains("script-src 'self'"), "no inline script: " + policy);
        browser.login(user("user"), PASSWORD);
        assertEquals(200, browser.get("index.html").statusCode());
    }

    @Test
    void changesThroughTheSessionNeedTheTokenAndThisOrigin() {
        Browser browser = new Browser(base);
        browser.login(user("staff"), PASSWORD);
        String annotations = "api/status/" + Api.encode(group) + "/annotations";
        String note = """
                {"text": "checked the cables"}""";

        HttpResponse<String> noToken = browser.send("POST", annotations, note, null, null);
        assertEquals(403, noToken.statusCode(), noToken.body());
        assertEquals("urn:argus:problem:csrf", Browser.json(noToken).getString("type"));
        HttpResponse<String> foreign =
                browser.send("POST", annotations, note, browser.csrfToken(), "http://attacker.invalid");
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertEquals("urn:argus:problem:cross-origin", Browser.json(foreign).getString("type"));
        HttpResponse<String> wrongToken = browser.send("POST", annotations, note, "x" + browser.csrfToken(), null);
        assertEquals(403, wrongToken.statusCode());

        assertEquals(
                201,
                browser.send("POST", annotations, note, browser.csrfToken(), browser.origin())
                        .statusCode());
        assertEquals(
                201, admin.post(annotations, note).status(), "HTTP Basic without Origin (a script) needs no token");
    }

    @Test
    void aCrossSiteTextPlainPostIsRefusedEvenWithBasicCredentials() {
        Browser browser = new Browser(base).basic(Api.ADMIN, Api.ADMIN_PASSWORD);
        HttpResponse<String> r =
                browser.send("POST", "api/config/import", "group \"x\" {}", null, "http://attacker.invalid");
        assertEquals(403, r.statusCode(), r.body());
    }

    @Test
    void logoutNeedsTheTokenAndEndsTheSession() {
        Browser browser = new Browser(base);
        browser.login(user("user"), PASSWORD);
        assertEquals(403, browser.send("POST", "auth/logout", null, null, null).statusCode());
        assertEquals(200, browser.get("api/session").statusCode());
        HttpResponse<String> out = browser.send("POST", "auth/logout", null, browser.csrfToken(), null);
        assertEquals(303, out.statusCode());
        assertTrue(out.headers().firstValue("Location").orElse("").endsWith("/login.html"));
        assertEquals(401, browser.get("api/session").statusCode());
    }

    @Test
    void secretParametersAreMaskedForAllButAdmins() {
        assertEquals(
                200, admin.put(object(group) + "/parameters/community", """
                {"value": "s3cret-community"}""").status());
        Api staff = Api.anonymous(base).as(user("staff"), PASSWORD);
        String seen = staff.get(object(group)).body();
        assertFalse(seen.contains("s3cret-community"), seen);
        assertTrue(seen.contains("********"), seen);
        assertTrue(admin.get(object(group)).body().contains("s3cret-community"));
        assertEquals(
                403, staff.get("api/config/export?root=" + Api.encode(group)).status(), "exports hold secrets");
    }

    @Test
    void theObjectsAclDecidesWhoMayOverrideIt() {
        assertEquals(
                200, admin.put(object(group) + "/parameters/acl_override", """
                {"value": "-ALL root"}""").status());
        Api staff = Api.anonymous(base).as(user("staff"), PASSWORD);
        Api.Reply refused = staff.put("api/status/" + Api.encode(group) + "/override", """
                {"text": "maintenance"}""");
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("urn:argus:problem:acl", refused.json().getString("type"));
        assertEquals(
                201,
                staff.post("api/status/" + Api.encode(group) + "/annotations", """
                {"text": "annotating is still allowed"}""")
                        .status());
    }

    @Test
    void staffMayOverrideAndAUserMayNot() {
        String override = "api/status/" + Api.encode(group) + "/override";
        String body = """
                {"text": "maintenance"}""";
        Api reader = Api.anonymous(base).as(user("user"), PASSWORD);
        Api staff = Api.anonymous(base).as(user("staff"), PASSWORD);
        assertEquals(403, reader.put(override, body).status());
        assertEquals(
                403,
                reader.post("api/status/" + Api.encode(group) + "/check", null).status());
        Api.Reply set = staff.put(override, body);
        assertEquals(200, set.status(), set.toString());
        assertEquals(204, staff.delete(override).status());
        assertEquals(403, staff.post(object(group) + "/children", """
                {"kind": "Group", "name": "x"}""").status(), "staff does not edit the tree");
    }
}
