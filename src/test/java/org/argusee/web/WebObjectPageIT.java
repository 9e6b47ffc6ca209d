package org.argusee.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.Chromium;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The object page in a real browser: graphs from stored samples, the override form, what a user may not do. */
class WebObjectPageIT extends WebFixture {

    @Test
    void graphDrawsStoredSamplesAndStaffOverridesFromTheForm() {
        Listener listener = listener();
        String service = service(listener);
        awaitSamples(service);
        Chromium b = admin();
        b.go(page(service)).waitReady(WITHIN);
        // a TCP check's results are not numbers: its graph is the elapsed time
        b.until(WITHIN, d -> points(b, "graph-elapsed") > 0);
        assertFalse(
                b.driver().findElements(By.cssSelector("#graph-elapsed canvas")).isEmpty(), "uPlot drew");
        assertSpan(b, 36 * 3600);
        assertEquals(service, b.driver().findElement(By.id("object-name")).getText());
        assertFalse(b.driver().findElements(By.cssSelector("#darp tbody tr")).isEmpty(), "this server's view");
        assertFalse(b.driver()
                .findElements(By.cssSelector("#parameters tr[data-param=frequency]"))
                .isEmpty());
        b.screenshotFullPage("object-page");
        b.click(By.cssSelector("#graph-ranges button[data-range='2w']"), WITHIN);
        b.until(WITHIN, d -> span(b) > 36 * 3600 + 60);
        assertSpan(b, 14 * 24 * 3600);
        b.click(By.cssSelector("#graph-ranges button[data-range='36h']"), WITHIN);
        b.until(WITHIN, d -> span(b) < 36 * 3600 + 60);

        WebElement form = b.driver().findElement(By.id("override-form"));
        form.findElement(By.name("text")).sendKeys("<b>maintenance</b> by the web test");
        form.findElement(By.name("ticket")).sendKeys("OPS-7");
        b.driver().findElement(By.id("override-set")).click();
        b.until(WITHIN, d -> d.findElements(By.id("override-text")).stream()
                .anyMatch(e -> "<b>maintenance</b> by the web test".equals(e.getText())));
        b.click(By.id("override-remove"), WITHIN);
        b.visible(By.id("override-none"), WITHIN);

        b.driver()
                .findElement(By.cssSelector("#annotation-form input[name=text]"))
                .sendKeys("<i>disk</i> swapped");
        b.click(By.id("annotation-add"), WITHIN);
        b.until(WITHIN, d -> d.findElements(By.cssSelector("#annotations .annotation-text")).stream()
                .anyMatch(e -> "<i>disk</i> swapped".equals(e.getText())));
        b.click(By.cssSelector("#annotations .annotation-remove"), WITHIN);
        b.until(WITHIN, d -> d.findElements(By.cssSelector("#annotations .annotation-text"))
                .isEmpty());

        b.script("window.sameDocument = true;");
        listener.close();
        b.until(WITHIN, d -> "down"
                .equals(d.findElement(By.cssSelector("#object-badge .badge")).getAttribute("data-status")));
        b.until(WITHIN, d -> !d.findElements(By.cssSelector("#transitions tr[data-transition]"))
                .isEmpty());
        assertEquals(Boolean.TRUE, b.script("return window.sameDocument === true;"), "changed live, no reload");
        b.go(page(host)).waitReady(WITHIN);
        b.until(WITHIN, d -> !d.findElements(row("children", service)).isEmpty());
        b.go(page(service)).waitReady(WITHIN);
        // a server without DARP peers leaves the "Servers (DARP)" panel out: its one row would repeat the page
        b.until(WITHIN, d -> !d.findElement(By.id("darp-panel")).isDisplayed());

        b.script("window.scrollTo(0, 0);");
        b.colorScheme("dark");
        b.screenshot("object-page-dark");
        b.colorScheme("light");
        b.phone(true);
        b.go(page(service)).waitReady(WITHIN);
        b.until(WITHIN, d -> points(b, "graph-elapsed") > 0);
        b.screenshotFullPage("object-page-phone");
        assertEquals("", b.script(WIDER_THAN_THE_SCREEN), "nothing wider than a phone's screen (390 px)");
        b.phone(false);
    }

    /** Empty when nothing sticks out sideways; else the first elements that do. */
    static final String WIDER_THAN_THE_SCREEN = """
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width + 1) {
                return '';
            }
            return [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ') || 'the page';""";

    @Test
    void theTransitionLogPages() {
        Listener listener = listener();
        String service = service(listener);
        awaitShown(service, "up");
        listener.close();
        awaitShown(service, "down");
        listener.open();
        awaitShown(service, "up");
        Chromium b = admin();
        b.go(page(service) + "&pageSize=1").waitReady(WITHIN);
        b.until(WITHIN, d -> d.findElement(By.id("transitions-page")).getText().startsWith("1–1 of "));
        String newest =
                b.driver().findElement(By.cssSelector("#transitions tbody")).getText();
        assertTrue(b.driver().findElement(By.id("transitions-newer")).getAttribute("disabled") != null);
        b.driver().findElement(By.id("transitions-older")).click();
        b.until(WITHIN, d -> d.findElement(By.id("transitions-page")).getText().startsWith("2–2 of "));
        String older =
                b.driver().findElement(By.cssSelector("#transitions tbody")).getText();
        assertNotEquals(newest, older);
        assertTrue(older.contains("down"), older);
        b.driver().findElement(By.id("transitions-newer")).click();
        b.until(WITHIN, d -> d.findElement(By.id("transitions-page")).getText().startsWith("1–1 of "));
        // a service down from its first check: that first transition comes from nothing, said so (an empty cell)
        Listener gone = listener();
        gone.close();
        String down = service(gone);
        awaitShown(down, "down");
        b.go(page(down)).waitReady(WITHIN);
        WebElement from = b.visible(By.cssSelector("#transitions tbody tr:last-child td:nth-child(2)"), WITHIN);
        assertEquals(
                "—",
                from.getText(),
                b.driver().findElement(By.id("transitions")).getText());
        // its time says its zone: the notification texts use the server's, the page the browser's
        String at = b.driver()
                .findElement(By.cssSelector("#transitions tbody tr:last-child td:first-child"))
                .getText();
        assertTrue(
                at.matches(".*\\d:\\d{2}:\\d{2}([\\s\\u202f]?[AP]M)?[\\s\\u202f]+(UTC|GMT[+-]?[\\d:]*|[A-Z]{2,5})"),
                at);
        // never up: today's "up" is 0 %; its "down" never rounds a share below all up to 100 ("100.000 %")
        WebElement today = b.visible(By.cssSelector("#availability tbody tr:first-child"), WITHIN);
        List<WebElement> cells = today.findElements(By.tagName("td"));
        assertEquals("0 %", cells.get(1).getText(), today.getText());
        assertFalse(cells.get(2).getText().matches("100\\.0+ %"), today.getText());

        // the session ends under a half-typed note: the login brings the page back with the note in it
        b.driver()
                .findElement(By.cssSelector("#annotation-form input[name=text]"))
                .sendKeys("half a note");
        b.driver().manage().deleteAllCookies();
        b.click(By.id("annotation-add"), WITHIN);
        b.visible(By.id("login-ended"), WITHIN);
        b.driver().findElement(By.id("username")).sendKeys(Api.ADMIN);
        b.driver().findElement(By.id("password")).sendKeys(Api.ADMIN_PASSWORD);
        b.driver().findElement(By.id("login-submit")).click();
        b.visible(By.id("drafts-restored"), WITHIN);
        assertEquals(
                "half a note",
                b.driver()
                        .findElement(By.cssSelector("#annotation-form input[name=text]"))
                        .getAttribute("value"));
        assertTrue(
                b.driver().getCurrentUrl().contains("object.html"), b.driver().getCurrentUrl());
    }

    @Test
    void aUserSeesNoButtonsForWhatOnlyStaffMayDo() {
        String service = service(listener());
        String reader = user("user");
        Chromium b = browser(reader, "web-password-1");
        b.go(page(service)).waitReady(WITHIN);
        assertFalse(b.driver().findElement(By.id("override-form")).isDisplayed());
        assertFalse(b.driver().findElement(By.id("annotation-form")).isDisplayed());
        assertFalse(b.driver().findElement(By.id("check-now")).isDisplayed());
        assertEquals(reader, b.driver().findElement(By.id("user")).getText());
        b.phone(true);
        b.screenshot("object-page-phone");
        Number overflow = (Number)
                b.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 1, "no sideways scrolling at a phone's width: " + overflow);
    }

    private void awaitSamples(String service) {
        Eventually.await("samples stored for " + service, WITHIN, () -> {
            Api.Reply r = api.get("api/status/" + Api.encode(service) + "/samples?resolution=raw");
            return r.status() == 200 && !r.json().getJsonArray("samples").isEmpty();
        });
    }

    private void awaitShown(String fullName, String shown) {
        Eventually.await(fullName + " shows " + shown, WITHIN, () -> {
            Api.Reply r = api.get("api/status/" + Api.encode(fullName));
            return r.status() == 200 && shown.equals(r.json().getString("displayStatus"));
        });
    }

    private static String page(String fullName) {
        return "object.html?name=" + URLEncoder.encode(fullName, StandardCharsets.UTF_8);
    }

    /** The graph's time axis is the chosen window ending now, however few samples it holds (here: a few). */
    private static void assertSpan(Chromium b, long seconds) {
        WebElement graph = b.driver().findElement(By.id("graph-elapsed"));
        double min = Double.parseDouble(graph.getAttribute("data-x-min"));
        double max = Double.parseDouble(graph.getAttribute("data-x-max"));
        assertEquals(seconds, max - min, 1.0, "the x axis spans the window");
        double now = System.currentTimeMillis() / 1000.0;
        assertTrue(Math.abs(now - max) < 120, "the window ends now: " + max + " vs " + now);
    }

    private static double span(Chromium b) {
        WebElement graph = b.driver().findElement(By.id("graph-elapsed"));
        String min = graph.getAttribute("data-x-min");
        String max = graph.getAttribute("data-x-max");
        return min == null || max == null ? 0 : Double.parseDouble(max) - Double.parseDouble(min);
    }

    private static int points(Chromium b, String graphId) {
        String n = b.driver().findElement(By.id(graphId)).getAttribute("data-points");
        return n == null ? 0 : Integer.parseInt(n);
    }
}
