package org.argusee.web;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

/**
 * Every page, as every role, the way an outside reviewer clicks through them: each page gets ready with no
 * script error (thrown or a rejected promise), no console error (a refused API call, a CSP refusal, a missing
 * file) and no "could not load" box; a non-admin on an admin page is told so rather than shown a broken page. One
 * browser per role, reused across the pages.
 */
class WebEveryPageIT extends WebFixture {

    /** Installed before any script of each page: what would otherwise end in the console only. */
    private static final String CATCH_ERRORS = """
            window.__pageErrors = [];
            window.addEventListener('error', e => window.__pageErrors.push('error: ' + e.message
                + (e.filename ? ' at ' + e.filename + ':' + e.lineno : '')));
            window.addEventListener('unhandledrejection', e => window.__pageErrors.push('unhandled rejection: '
                + (e.reason && e.reason.stack ? e.reason.stack : String(e.reason))));
            """;

    private final List<ServerSocket> closing = new ArrayList<>();

    private static final List<String> ADMIN_PAGES = List.of(
            "admin-tree.html", "admin-config.html", "admin-methods.html", "admin-users.html", "admin-peers.html");

    @Test
    void everyPageLoadsCleanlyForEveryRole() throws IOException {
        String service = service(listener());
        // a service with maxdeviation whose forecaster is not made yet: its first result is an hour away (the port
        // takes the connection and never answers); its page asked for the forecast and got a 404
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        closing.add(silent);
        String learning = created(api.post(object(host) + "/children", """
                {"kind": "Service", "type": "TCP", "parameters": [
                  {"key": "port", "value": "%d"}, {"key": "expect", "value": "^OK"},
                  {"key": "frequency", "value": "1h"}, {"key": "timeout", "value": "1h"},
                  {"key": "maxdeviation.major", "value": "3"}]}""".formatted(silent.getLocalPort())))
                .getString("fullName");
        // a note of one long word (a URL, a token) made the service's page three times as wide as the window
        created(api.post(
                "api/status/" + Api.encode(service) + "/annotations", "{\"text\": \"" + "x".repeat(400) + "\"}"));
        String alias = created(api.post(object(group) + "/children", """
                {"kind": "Alias", "name": "every_alias", "target": "%s"}""".formatted(host)))
                .getString("fullName");
        List<String> pages = new ArrayList<>(List.of(
                "index.html",
                "object.html?name=" + Api.encode(service),
                "object.html?name=" + Api.encode(learning),
                "object.html?name=" + Api.encode(group),
                "object.html?name=" + Api.encode(alias),
                "notifications.html",
                "notifications.html?state=all&object=" + Api.encode(service),
                "account.html"));
        pages.addAll(ADMIN_PAGES);
        List<String> problems = new ArrayList<>();
        Chromium admin = admin();
        problems.addAll(visitAll(admin, "admin", pages));
        // an alias's page names what it stands for, with a link to it (it said only "Alias")
        admin.go("object.html?name=" + Api.encode(alias)).waitReady(WITHIN);
        String target = admin.visible(By.cssSelector("#object-facts dd[data-fact='Alias of'] a"), WITHIN)
                .getText();
        if (!host.equals(target)) {
            problems.add("the alias's page names " + target + " as its target, not " + host);
        }
        // ?state=all drew the list of all with the Show select blank (its "all" was the value "")
        admin.go("notifications.html?state=all&object=" + Api.encode(service)).waitReady(WITHIN);
        String shown =
                admin.driver().findElements(By.cssSelector("#notify-filter select[name=state] option:checked")).stream()
                        .map(WebElement::getText)
                        .collect(Collectors.joining());
        if (!"all".equals(shown)) {
            problems.add("notifications.html?state=all shows '" + shown + "' in its Show select");
        }
        for (String role : List.of("staff", "user")) {
            problems.addAll(visitAll(browser(user(role), "web-password-1"), role, pages));
        }
        Api.Reply forecast = api.get("api/status/" + Api.encode(learning) + "/forecast");
        if (forecast.status() != 200 || forecast.json().getBoolean("started")) {
            problems.add(learning + " was to have no forecaster yet: " + forecast);
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @AfterEach
    void closeSockets() throws IOException {
        for (ServerSocket s : closing) {
            s.close();
        }
    }

    /**
     * The standby banner is written by every API answer (each page's many calls, the live reloads): the link to the
     * active server in it keeps the focus through answers that say the same, and through a newer "as of" time. The
     * answers are made in the page (a standby server needs a master pair): dbbanner.js is given what a standby's
     * answers carry.
     */
    @Test
    void theStandbyBannerKeepsItsLinkAndTheFocusThroughApiAnswers() {
        Chromium b = admin().waitReady(WITHIN);
        String answer = """
                const done = arguments[arguments.length - 1];
                import('./js/dbbanner.js').then(m => {
                    m.noteDatabase(new Response('', {headers: {'Argus-Role': 'standby',
                        'Argus-Active': 'http://127.0.0.1:9/', 'Argus-Statuses-As-Of': arguments[0]}}));
                    done(document.getElementById('standby-banner').innerText);
                }, e => done('failed: ' + e));
                """;
        String first = java.time.Instant.now().toString();
        String text = (String) ((ChromeDriver) b.driver()).executeAsyncScript(answer, first);
        assertTrue(text.contains("standby of a master pair") && text.contains("http://127.0.0.1:9/"), text);
        b.script("const a = document.querySelector('#standby-banner a'); a.dataset.before = 'yes'; a.focus();");
        ((ChromeDriver) b.driver()).executeAsyncScript(answer, first);
        String later = java.time.Instant.now().plusSeconds(5).toString();
        String newer = (String) ((ChromeDriver) b.driver()).executeAsyncScript(answer, later);
        assertTrue(newer.contains("standby of a master pair") && !newer.equals(text), "the newer time shown: " + newer);
        assertTrue(b.focused("#standby-banner a[data-before]"), "the link was not replaced: " + WebFocusIT.active(b));
        assertEquals(List.of(), console(b));
    }

    /** Without a session every page sends the browser to the login form, which brings it back after the login. */
    @Test
    void everyPageWithoutASessionGoesToTheLoginForm() {
        Chromium b = Chromium.open(base);
        browsers.add(b);
        List<String> pages =
                new ArrayList<>(List.of("index.html", "object.html?name=Top", "notifications.html", "account.html"));
        pages.addAll(ADMIN_PAGES);
        for (String page : pages) {
            b.go(page);
            b.until(
                    WITHIN,
                    d -> d.getCurrentUrl().contains("login.html?next=")
                            && !d.findElements(By.id("username")).isEmpty());
            String url = b.driver().getCurrentUrl();
            assertTrue(url.contains(page.replaceAll("\\?.*", "")), "brings the user back: " + url);
        }
        b.driver().findElement(By.id("username")).sendKeys(Api.ADMIN);
        b.driver().findElement(By.id("password")).sendKeys(Api.ADMIN_PASSWORD + "x");
        b.click(By.id("login-submit"), WITHIN);
        b.visible(By.id("login-error"), WITHIN);
        assertEquals(Api.ADMIN, b.driver().findElement(By.id("username")).getAttribute("value"), "the name is kept");
        assertEquals("", b.driver().findElement(By.id("password")).getAttribute("value"), "the password is not");
        b.driver().findElement(By.id("password")).sendKeys(Api.ADMIN_PASSWORD);
        b.click(By.id("login-submit"), WITHIN);
        b.until(WITHIN, d -> d.getCurrentUrl().endsWith("admin-peers.html"));
        b.waitReady(WITHIN);
    }

    /** A link to an object removed since (or hidden from this user) says so plainly, with a way back. */
    @Test
    void anObjectThatIsNotThereIsSaidPlainly() {
        Chromium b = browser(user("user"), "web-password-1");
        ((ChromeDriver) b.driver())
                .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CATCH_ERRORS));
        b.go("object.html?name=" + Api.encode(group + ":no_such_object"));
        b.visible(By.cssSelector("#page-error[data-missing=true]"), WITHIN);
        String said = b.driver().findElement(By.id("page-error")).getText();
        assertTrue(said.contains("There is no object " + group + ":no_such_object"), said);
        assertEquals(
                1,
                b.driver()
                        .findElements(By.cssSelector("#page-error a[href='./']"))
                        .size());
        assertEquals(List.of(), b.script("return window.__pageErrors;"));
    }

    private List<String> visitAll(Chromium b, String role, List<String> pages) {
        ((ChromeDriver) b.driver())
                .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CATCH_ERRORS));
        List<String> problems = new ArrayList<>();
        // the login page and the dashboard behind it, before the catcher was installed: their console
        console(b).forEach(e -> problems.add(role + " login.html: console " + e));
        for (String page : pages) {
            b.go(page).waitReady(WITHIN);
            // the header's live state, where shown, ends live (a page without a socket must not say
            // "connecting" for ever); the first answers are drawn by then
            try {
                b.until(WITHIN, d -> {
                    var state = d.findElements(By.id("live-state"));
                    return state.isEmpty()
                            || !state.get(0).isDisplayed()
                            || "live".equals(state.get(0).getAttribute("data-state"));
                });
            } catch (AssertionError e) {
                problems.add(role + " " + page + ": the live state never says live: " + b.text());
            }
            String where = role + " " + page + ": ";
            clickTheGraphRanges(b, where, problems);
            Object errors = b.script("return window.__pageErrors || ['the error catcher was not installed'];");
            ((List<?>) errors).forEach(e -> problems.add(where + e));
            console(b).forEach(e -> problems.add(where + "console " + e));
            String text = b.text();
            if (text.contains("could not load") || text.contains("Something failed")) {
                problems.add(where + "an error box: " + text);
            }
            boolean treePage = page.startsWith("index.html") || page.startsWith("object.html");
            if (treePage
                    == b.driver().findElements(By.cssSelector("nav.crumbs")).isEmpty()) {
                problems.add(where + "breadcrumbs belong on the pages about a tree object, only there");
            }
            boolean adminPage = ADMIN_PAGES.contains(page);
            if (adminPage && !"admin".equals(role)) {
                boolean told = b.driver().findElements(By.cssSelector("[role=alert], .panel")).stream()
                        .anyMatch(e ->
                                e.isDisplayed() && e.getText().matches("(?s).*(Not allowed|administrators|admins).*"));
                if (!told) {
                    problems.add(where + "no message saying the page is for administrators: " + text);
                }
            }
            b.screenshot("every-page-" + role + "-" + page.replaceAll("[^a-z-]+.*", ""));
            if ("admin".equals(role)) {
                atAPhonesWidth(b, where, problems);
            }
        }
        return problems;
    }

    /**
     * At a small phone's width (375 px; the admin, who has the most controls) nothing sticks out sideways, and no
     * table breaks its words. At 390 px the methods page fitted; at 375 its form did not.
     */
    private static void atAPhonesWidth(Chromium b, String where, List<String> problems) {
        ((ChromeDriver) b.driver())
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
        try {
            Object wide = b.script("""
                    const w = document.documentElement.clientWidth;
                    if (document.documentElement.scrollWidth <= w) return null;
                    const out = [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > w + 1)
                        .slice(-3).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className);
                    return document.documentElement.scrollWidth + ' > ' + w + ': ' + out.join(', ');
                    """);
            if (wide != null) {
                problems.add(where + "wider than a phone's screen: " + wide);
            }
            // a table squeezed to the screen broke its words a few letters a line ("enabl/ed", a notification's
            // text); its box scrolls sideways instead (a break at a hyphen is the usual one, not counted)
            Object broken = b.script("""
                    const out = [];
                    for (const cell of document.querySelectorAll('.table-wrap td, .table-wrap th')) {
                        if (cell.offsetParent === null) continue;
                        const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                        for (let n = texts.nextNode(); n; n = texts.nextNode()) {
                            if (!/^[^\\s-]{2,16}$/.test(n.textContent.trim())) continue;
                            const range = document.createRange();
                            range.selectNodeContents(n);
                            if (range.getClientRects().length > 1) out.push(n.textContent.trim());
                        }
                    }
                    return out.length ? out.slice(0, 5).join(', ') : null;
                    """);
            if (broken != null) {
                problems.add(where + "words of a table broken across lines at a phone's width: " + broken);
            }
        } finally {
            b.phone(false);
        }
    }

    /** On a service's page, each graph range in turn, as a reviewer would (each draws the graphs again). */
    private static void clickTheGraphRanges(Chromium b, String where, List<String> problems) {
        var panel = b.driver().findElements(By.id("graphs-panel"));
        if (panel.isEmpty() || !panel.get(0).isDisplayed()) {
            return;
        }
        for (String range : List.of("2w", "3m", "36h")) {
            By button = By.cssSelector("#graph-ranges button[data-range='" + range + "']");
            b.click(button, WITHIN);
            try {
                b.until(
                        WITHIN,
                        d -> "true".equals(d.findElement(button).getAttribute("aria-pressed"))
                                && !d.findElement(By.id("graph-note")).getText().isBlank());
            } catch (AssertionError e) {
                problems.add(where + "the " + range + " graphs were not drawn");
            }
        }
    }

    /** The console's errors and warnings since the last call (reading the log empties it). */
    private static List<String> console(Chromium b) {
        return b.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(e -> e.getLevel() + " " + e.getMessage())
                .toList();
    }
}
