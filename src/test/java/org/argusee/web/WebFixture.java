package org.argusee.web;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.Chromium;
import org.argusee.testsupport.DeployedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A group of its own per test (probed every second, down at the first failure, samples kept) with a host
 * 127.0.0.1, loopback listeners the test opens and closes, and browsers logged in through the form.
 */
abstract class WebFixture extends DeployedServer {

    static final Duration WITHIN = Duration.ofSeconds(20);

    Api api;
    String group;
    String host;
    final List<Listener> listeners = new ArrayList<>();
    final List<Chromium> browsers = new ArrayList<>();
    final List<String> users = new ArrayList<>();

    @BeforeEach
    void createGroup() {
        api = Api.admin(base);
        String name = "web_" + UUID.randomUUID().toString().substring(0, 8);
        group = "Top:" + name;
        created(api.post(object("Top") + "/children", """
                {"kind": "Group", "name": "%s", "parameters": [
                  {"key": "frequency", "value": "1"}, {"key": "retries", "value": "0"},
                  {"key": "timeout", "value": "2"}, {"key": "graph", "value": "yes"}]}""".formatted(name)));
        host = group + ":127.0.0.1";
        created(api.post(object(group) + "/children", """
                {"kind": "Host", "name": "127.0.0.1"}"""));
    }

    @AfterEach
    void cleanUp() {
        browsers.forEach(Chromium::close);
        api.delete(object(group) + "?recursive=true");
        listeners.forEach(Listener::close);
        users.forEach(u -> api.delete("api/users/" + u));
    }

    /** A TCP service under the host on a new open listener; returns its full name. */
    String service(Listener listener) {
        return created(api.post(object(host) + "/children", """
                {"kind": "Service", "type": "TCP", "parameters": [
                  {"key": "port", "value": "%d"}, {"key": "expect", "value": "^OK"}]}""".formatted(listener.port())))
                .getString("fullName");
    }

    Listener listener() {
        Listener l = new Listener();
        listeners.add(l);
        return l;
    }

    Chromium browser(String user, String password) {
        return browser(base, user, password);
    }

    /** A browser that reaches the server at {@code url} (a relay the test can cut, say). */
    Chromium browser(URL url, String user, String password) {
        Chromium b = Chromium.open(url);
        browsers.add(b);
        return b.login(user, password);
    }

    Chromium admin() {
        return browser(Api.ADMIN, Api.ADMIN_PASSWORD);
    }

    /** A new user with one role; answers the name (the password is "web-password-1"). */
    String user(String role) {
        String name = "web_" + role + "_" + UUID.randomUUID().toString().substring(0, 8);
        created(api.post("api/users", """
                {"username": "%s", "password": "web-password-1", "roles": ["%s"]}""".formatted(name, role)));
        users.add(name);
        return name;
    }

    /** The row of an object in a list of the page (tree, problems, children), by its full name. */
    static By row(String listId, String fullName) {
        return By.cssSelector(rowCss(listId, fullName));
    }

    static String rowCss(String listId, String fullName) {
        String quoted = fullName.replace("\\", "\\\\").replace("\"", "\\\"");
        return "#" + listId + " li[data-full-name=\"" + quoted + "\"]";
    }

    /** Opens a group in the dashboard's tree by its toggle. */
    static void expand(Chromium b, String fullName) {
        WebElement item = b.visible(row("tree", fullName), WITHIN);
        if (!"true".equals(item.getAttribute("aria-expanded"))) {
            b.click(By.cssSelector(rowCss("tree", fullName) + " > .row > button.toggle"), WITHIN);
        }
        b.until(WITHIN, d -> "true".equals(d.findElement(row("tree", fullName)).getAttribute("aria-expanded")));
    }

    static String statusOf(Chromium b, String listId, String fullName) {
        List<WebElement> found = b.driver().findElements(row(listId, fullName));
        return found.isEmpty() ? null : found.get(0).getAttribute("data-status");
    }

    static JsonObject created(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }
}
