package org.argusee.web;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.Chromium;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.Relay;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/** The dashboard in a real browser: login, the tree, changes pushed live, names shown as text. */
class WebDashboardIT extends WebFixture {

    private static final Logger LOG = Logger.getLogger(WebDashboardIT.class.getName());

    /** A listener that closes turns its service red on the open page within a couple of seconds, and back. */
    @Test
    void serviceTurnsRedAndGreenWithoutReload() {
        Listener listener = listener();
        String service = service(listener);
        Chromium b = admin();
        assertTrue(b.driver().findElement(By.id("user")).getText().contains(Api.ADMIN));
        // the group opens from the keyboard (right arrow on its name), the host with its toggle
        // the group's row may be redrawn between finding its link and typing (its status pushed when the test's
        // service is first probed): the link is then looked up again
        b.sendKeys(By.cssSelector(rowCss("tree", group) + " > .row a.name"), WITHIN, Keys.ARROW_RIGHT);
        b.until(WITHIN, d -> "true".equals(d.findElement(row("tree", group)).getAttribute("aria-expanded")));
        expand(b, host);
        b.until(WITHIN, d -> "up".equals(statusOf(b, "tree", service)));
        b.script("window.sameDocument = true;");
        // counts of the test's own group: the deployed server's sample tree has services that go down and up by
        // themselves where nothing listens on their ports, so the overview's totals are not the test's to predict
        By groupDown = By.cssSelector(rowCss("tree", group) + " > .row [data-count=down]");

        listener.close();
        Instant closed = Instant.now();
        b.until(Duration.ofSeconds(6), d -> "down".equals(statusOf(b, "tree", service)));
        Duration took = Duration.between(closed, Instant.now());
        assertEquals(Boolean.TRUE, b.script("return window.sameDocument === true;"), "no reload");
        // a word as well as a colour
        b.until(WITHIN, d -> d.findElement(By.cssSelector(rowCss("tree", service) + " > .row .badge"))
                .getText()
                .contains("down"));
        b.until(WITHIN, d -> statusOf(b, "problems", service) != null);
        b.until(WITHIN, d -> !"0".equals(summaryCount(b, "down")));
        b.until(
                WITHIN,
                d -> d.findElements(groupDown).size() == 1
                        && d.findElement(groupDown).getText().contains("1 down"));
        b.script("window.scrollTo(0, 0);");
        b.screenshot("dashboard");
        LOG.info("red in the browser " + took.toMillis() + " ms after the listener closed");

        listener.open();
        b.until(Duration.ofSeconds(6), d -> "up".equals(statusOf(b, "tree", service)));
        b.until(WITHIN, d -> statusOf(b, "problems", service) == null);
        b.until(WITHIN, d -> d.findElements(groupDown).isEmpty());
        b.script("window.scrollTo(0, 0);");
        assertEquals(Boolean.TRUE, b.script("return window.sameDocument === true;"), "no reload");

        b.colorScheme("dark");
        b.screenshot("dashboard-dark");
        b.colorScheme("light");
        b.phone(true);
        b.screenshot("dashboard-phone");
        Number overflow = (Number)
                b.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 1, "no sideways scrolling at a phone's width: " + overflow);
    }

    /**
     * The connection drops: the page says stale at once, reconnects by itself when the server is reachable again,
     * and catches up on the change it missed meanwhile (resume from its last number), without a reload.
     */
    @Test
    void droppedConnectionShowsStaleThenCatchesUp() {
        Listener listener = listener();
        String service = service(listener);
        try (Relay link = Relay.to(base.getPort())) {
            Chromium b = browser(link.url(), Api.ADMIN, Api.ADMIN_PASSWORD).waitReady(WITHIN);
            expand(b, group);
            expand(b, host);
            b.until(WITHIN, d -> "up".equals(statusOf(b, "tree", service)));
            b.visible(By.cssSelector("#live-state[data-state=live]"), WITHIN);
            b.script("window.sameDocument = true;");

            link.reset();
            b.visible(By.cssSelector("#live-state[data-state=stale]"), Duration.ofSeconds(3));
            listener.close();
            Eventually.await(service + " down", WITHIN, () -> "down"
                    .equals(api.get("api/status/" + Api.encode(service)).json().getString("displayStatus")));
            assertEquals("up", statusOf(b, "tree", service), "nothing reaches a page that is cut off");

            link.open();
            b.visible(By.cssSelector("#live-state[data-state=live]"), Duration.ofSeconds(30));
            b.until(WITHIN, d -> "down".equals(statusOf(b, "tree", service)));
            assertEquals(Boolean.TRUE, b.script("return window.sameDocument === true;"), "no reload");
        }
    }

    /** Staff override a service from the dashboard's selection; a user's page shows it at once and has no buttons. */
    @Test
    void staffOverrideFromTheDashboardReachesAnotherSessionLive() {
        Listener listener = listener();
        listener.close();
        String service = service(listener);
        String staff = user("staff");
        String reader = user("user");
        Chromium watcher = browser(reader, "web-password-1").waitReady(WITHIN);
        Chromium actor = browser(staff, "web-password-1").waitReady(WITHIN);
        actor.until(WITHIN, d -> "down".equals(statusOf(actor, "problems", service)));
        watcher.until(WITHIN, d -> "down".equals(statusOf(watcher, "problems", service)));
        assertTrue(watcher.driver().findElements(By.cssSelector("input.select")).isEmpty(), "a user selects nothing");

        actor.click(By.cssSelector(rowCss("problems", service) + " input.select"), WITHIN);
        WebElement form = actor.visible(By.id("bulk-form"), WITHIN);
        form.findElement(By.name("text")).sendKeys("replacing the disk");
        actor.driver().findElement(By.id("bulk-override")).click();
        watcher.until(WITHIN, d -> "override".equals(statusOf(watcher, "problems", service)));
        assertEquals(Boolean.TRUE, watcher.script("return document.readyState === 'complete';"));

        Api.Reply refused = Api.anonymous(base)
                .as(reader, "web-password-1")
                .put("api/status/" + Api.encode(service) + "/override", """
                {"text": "not mine to do"}""");
        assertEquals(403, refused.status(), refused.toString());
    }

    /** Several rows selected: one note, one "check now" and one override reach every one of them in one step each. */
    @Test
    void severalSelectedObjectsAreAnnotatedCheckedAndOverriddenAtOnce() {
        Listener first = listener();
        Listener second = listener();
        first.close();
        second.close();
        String one = service(first);
        String two = service(second);
        Chromium b = browser(user("staff"), "web-password-1").waitReady(WITHIN);
        b.until(
                WITHIN,
                d -> "down".equals(statusOf(b, "problems", one)) && "down".equals(statusOf(b, "problems", two)));
        b.click(By.cssSelector(rowCss("problems", one) + " input.select"), WITHIN);
        b.click(By.cssSelector(rowCss("problems", two) + " input.select"), WITHIN);
        assertEquals("2 selected", b.visible(By.id("bulk-count"), WITHIN).getText());
        WebElement form = b.driver().findElement(By.id("bulk-form"));
        form.findElement(By.name("text")).sendKeys("both ports closed for the move");

        b.driver().findElement(By.id("bulk-annotate")).click();
        b.until(
                WITHIN,
                d -> d.findElements(By.cssSelector("#bulk-result li")).stream()
                                .filter(li -> li.getText().endsWith("note added"))
                                .count()
                        == 2);
        for (String service : new String[] {one, two}) {
            assertTrue(
                    api.get("api/status/" + Api.encode(service) + "/annotations")
                            .body()
                            .contains("both ports closed for the move"),
                    service);
        }
        b.driver().findElement(By.id("bulk-check")).click();
        b.until(
                WITHIN,
                d -> d.findElements(By.cssSelector("#bulk-result li")).stream()
                                .filter(li -> li.getText().contains(": checking "))
                                .count()
                        == 2);
        b.driver().findElement(By.id("bulk-override")).click();
        b.until(
                WITHIN,
                d -> "override".equals(statusOf(b, "problems", one))
                        && "override".equals(statusOf(b, "problems", two)));
        b.screenshot("dashboard-bulk");
        for (String service : new String[] {one, two}) {
            assertEquals(
                    "both ports closed for the move",
                    api.get("api/status/" + Api.encode(service))
                            .json()
                            .getJsonObject("override")
                            .getString("text"));
        }
    }

    /** The siren, once switched on in this browser, sounds for an outage; hushed, it waits for the next new one. */
    @Test
    void sirenIsHushedUntilTheNextNewOutage() {
        Listener first = listener();
        Listener second = listener();
        String one = service(first);
        String two = service(second);
        Chromium b = admin().waitReady(WITHIN);
        b.click(By.id("siren-toggle"), WITHIN);
        b.until(WITHIN, d -> "true".equals(d.findElement(By.id("siren-toggle")).getAttribute("aria-pressed")));
        first.close();
        b.until(WITHIN, d -> "down".equals(statusOf(b, "problems", one)));
        b.until(WITHIN, d -> d.findElement(By.id("siren-hush")).isDisplayed());
        // pressed from the keyboard: hushed, and the focus stays on the button pressed (it says "hushed")
        b.sendKeys(By.id("siren-hush"), WITHIN, Keys.ENTER);
        b.until(WITHIN, d -> "true".equals(d.findElement(By.id("siren-hush")).getAttribute("aria-disabled")));
        assertEquals("hushed", b.driver().findElement(By.id("siren-hush")).getText());
        assertTrue(b.focused("#siren-hush"), "the focus stays where the user pressed: " + WebFocusIT.active(b));

        second.close();
        b.until(WITHIN, d -> "down".equals(statusOf(b, "problems", two)));
        b.until(WITHIN, d -> "false".equals(d.findElement(By.id("siren-hush")).getAttribute("aria-disabled")));
        assertEquals("hush", b.driver().findElement(By.id("siren-hush")).getText());
        b.driver()
                .findElement(By.cssSelector("#filter input[name=status][value=down]"))
                .click();
        b.driver().findElement(By.id("filter-apply")).click();
        b.until(
                WITHIN,
                d -> "Matches".equals(d.findElement(By.id("tree-heading")).getText())
                        && "down".equals(statusOf(b, "tree", one))
                        && "down".equals(statusOf(b, "tree", two)));
        b.go("").waitReady(WITHIN);
        assertEquals(
                "true",
                b.driver().findElement(By.id("siren-toggle")).getAttribute("aria-pressed"),
                "switched on for this browser, not for this page only");
    }

    /** A name that is HTML shows as text; nothing in it runs (no alert, no image element). */
    @Test
    void htmlInANameRendersAsText() {
        // names may not hold whitespace, so the payload uses '/' between attributes, which HTML allows too
        String evil = "<img/src='x'/onerror=alert(1)>";
        created(api.post(object(group) + "/children", """
                {"kind": "Group", "name": "%s"}""".formatted(evil)));
        Chromium b = admin();
        b.driver().findElement(By.name("q")).sendKeys("onerror");
        b.driver().findElement(By.id("filter-apply")).click();
        By link = By.cssSelector(rowCss("tree", group + ":" + evil) + " a.name");
        b.until(WITHIN, d -> d.findElements(link).stream().anyMatch(e -> (group + ":" + evil).equals(e.getText())));
        assertEquals(0L, b.script("return document.querySelectorAll('main img').length;"));
        b.driver().get(b.driver().getCurrentUrl());
        b.waitReady(WITHIN);
        assertNoAlert(b);
    }

    /** Logging out in one tab ends the session: the other tab's live socket closes and it goes to the login page. */
    @Test
    void logoutEndsTheSessionAndItsSockets() {
        Chromium b = admin().waitReady(WITHIN);
        String dashboard = b.driver().getWindowHandle();
        b.visible(By.cssSelector("#live-state[data-state=live]"), WITHIN);
        b.driver().switchTo().newWindow(WindowType.TAB);
        b.go("object.html?name=Top").waitReady(WITHIN);
        b.driver().findElement(By.id("logout")).click();
        b.until(WITHIN, d -> d.getCurrentUrl().contains("login.html"));
        // Back: the dashboard as it was, from the browser's cache, until the page was loaded again on being shown
        b.driver().navigate().back();
        b.until(WITHIN, d -> d.getCurrentUrl().contains("login.html?next="));
        b.driver().switchTo().window(dashboard);
        b.until(WITHIN, d -> d.getCurrentUrl().contains("login.html"));
        b.go("object.html?name=Top");
        b.until(WITHIN, d -> d.getCurrentUrl().contains("login.html?next="));
    }

    /** The login page says so after a wrong password, and keeps the user out. */
    @Test
    void wrongPasswordShowsAnError() {
        Chromium b = Chromium.open(base);
        browsers.add(b);
        b.go("login.html");
        b.driver().findElement(By.id("username")).sendKeys(Api.ADMIN);
        b.driver().findElement(By.id("password")).sendKeys("not-the-password");
        b.driver().findElement(By.id("login-submit")).click();
        b.visible(By.id("login-error"), WITHIN);
        b.screenshot("login-error");
        assertTrue(b.driver().getCurrentUrl().contains("error=1"), b.driver().getCurrentUrl());
        b.go("");
        b.until(WITHIN, d -> d.getCurrentUrl().contains("login.html"));
    }

    private static String summaryCount(Chromium b, String status) {
        return b.driver()
                .findElement(By.cssSelector("#summary [data-count=" + status + "] strong"))
                .getText();
    }

    private static void assertNoAlert(Chromium b) {
        try {
            b.driver().switchTo().alert();
            throw new AssertionError("an alert ran: the name was treated as HTML");
        } catch (NoAlertPresentException expected) {
            assertFalse(b.console().contains("alert"), b.console());
        }
    }
}
