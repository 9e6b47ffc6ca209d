package org.argusee.web;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.ArgusServers;
import org.argusee.testsupport.Chromium;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The server restarts while pages are open (issue 12): a page shows stale, then resyncs by itself without a reload,
 * as its session survived the restart (Undertow's persistent sessions); a change made after the restart reaches
 * it live. A restored session is checked against the user as stored: a user disabled meanwhile must log in again.
 * A server of its own (the harness of the DARP tests), as the Arquillian-managed one is shared and never restarted.
 * A page sends several requests at once after the restart (the socket's reconnect, the keep-alive, its fetches), all
 * with the cookie it had: a request that names the session after another one restored it finds it too (Undertow's
 * own restore gave it a new id, and such a request got 401: the login form, on a loaded machine nearly always).
 */
class WebRestartIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @RegisterExtension
    final ArgusServers servers = new ArgusServers();

    @Test
    void pagesResyncAfterARestartAndADisabledUserMustLogInAgain() {
        ArgusServer server = servers.create("web").start();
        Api api = server.api();
        WebFixture.created(api.post(object("Top") + "/children", """
                {"kind": "Group", "name": "restart", "parameters": [
                  {"key": "frequency", "value": "1"}, {"key": "retries", "value": "0"},
                  {"key": "timeout", "value": "2"}]}"""));
        WebFixture.created(api.post(object("Top:restart") + "/children", """
                {"kind": "Host", "name": "127.0.0.1"}"""));
        Listener listener = new Listener();
        try (Chromium admin = Chromium.open(server.url());
                Chromium reader = Chromium.open(server.url())) {
            String service = WebFixture.created(
                            api.post(object("Top:restart:127.0.0.1") + "/children", """
                            {"kind": "Service", "type": "TCP", "parameters": [
                              {"key": "port", "value": "%d"}, {"key": "expect", "value": "^OK"}]}""".formatted(listener.port())))
                    .getString("fullName");
            WebFixture.created(api.post("api/users", """
                    {"username": "reader", "password": "web-password-1", "roles": ["user"]}"""));
            admin.login(Api.ADMIN, Api.ADMIN_PASSWORD).waitReady(WITHIN);
            reader.login("reader", "web-password-1").waitReady(WITHIN);
            WebFixture.expand(admin, "Top:restart");
            WebFixture.expand(admin, "Top:restart:127.0.0.1");
            admin.until(WITHIN, d -> "up".equals(WebFixture.statusOf(admin, "tree", service)));
            admin.visible(By.cssSelector("#live-state[data-state=live]"), WITHIN);
            reader.visible(By.cssSelector("#live-state[data-state=live]"), WITHIN);
            Browser script = new Browser(server.url());
            script.login(Api.ADMIN, Api.ADMIN_PASSWORD);
            HttpCookie kept = script.sessionCookie();
            assertEquals(200, script.fetchWith(kept, "api/session").statusCode());
            admin.script("window.sameDocument = true;");
            assertEquals(200, api.put("api/users/reader", """
                    {"enabled": false}""").status());

            server.stop();
            admin.visible(By.cssSelector("#live-state[data-state=stale]"), WITHIN);
            server.start();
            // a page's first request after the restart, then one it sent before that one's answer came back
            HttpResponse<String> first = script.fetchWith(kept, "api/session");
            HttpResponse<String> second = script.fetchWith(kept, "api/session");
            assertEquals(200, first.statusCode(), "the first request after the restart: " + first.body());
            assertEquals(
                    200,
                    second.statusCode(),
                    "the next request with the same cookie (the first answer set "
                            + first.headers().allValues("Set-Cookie") + "): " + second.body());
            assertTrue(
                    first.headers().allValues("Set-Cookie").stream()
                            .filter(c -> c.startsWith("JSESSIONID="))
                            .allMatch(c -> c.startsWith("JSESSIONID=" + kept.getValue() + ";")),
                    "the restored session keeps its id: " + first.headers().allValues("Set-Cookie"));
            admin.visible(By.cssSelector("#live-state[data-state=live]"), WITHIN);
            assertEquals(Boolean.TRUE, admin.script("return window.sameDocument === true;"), "no reload");

            listener.close();
            Eventually.await(service + " down", WITHIN, () -> "down"
                    .equals(api.get("api/status/" + Api.encode(service)).json().getString("displayStatus")));
            admin.until(WITHIN, d -> "down".equals(WebFixture.statusOf(admin, "tree", service)));
            admin.until(WITHIN, d -> "down".equals(WebFixture.statusOf(admin, "problems", service)));
            assertEquals(Boolean.TRUE, admin.script("return window.sameDocument === true;"), "still no reload");
            admin.screenshot("dashboard-after-restart");

            reader.until(WITHIN, d -> d.getCurrentUrl().contains("login.html"));
            reader.visible(By.id("login-ended"), WITHIN); // it says why, and brings the reader back after the login
            assertTrue(reader.script("return document.getElementById('next').value;")
                    .toString()
                    .startsWith("/"));
        } finally {
            listener.close();
        }
    }
}
