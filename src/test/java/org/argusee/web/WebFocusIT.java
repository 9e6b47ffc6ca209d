package org.argusee.web;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.argusee.testsupport.Api;
import org.argusee.testsupport.Chromium;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * A keyboard user keeps their place on the dashboard while the server pushes changes: the focused link, toggle or
 * box of a row stays focused when the row's status changes, and after the tree is redrawn the same object's row
 * (or, removed, its parent's) has it again; the page does not scroll.
 */
class WebFocusIT extends WebFixture {

    @Test
    void focusStaysOnARowWhoseStatusIsPushedAndAfterTheTreeIsRedrawn() {
        Listener listener = listener();
        String service = service(listener);
        Chromium b = admin().waitReady(WITHIN);
        expand(b, group);
        expand(b, host);
        b.until(WITHIN, d -> "up".equals(statusOf(b, "tree", service)));
        String link = rowCss("tree", service) + " > .row > a.name";
        String hostLink = rowCss("tree", host) + " > .row > a.name";
        // room below the tree, scrolled so the service's row is near the top: a focus that scrolled would move it
        b.script(
                "document.body.style.paddingBottom = '3000px';"
                        + "window.scrollTo(0, document.querySelector(arguments[0]).getBoundingClientRect().top"
                        + " + window.scrollY - 100);",
                link);
        b.script("document.querySelector(arguments[0]).focus();", link);
        assertTrue(b.focused(link), "focused before the change");
        long top = topOf(b, link);
        b.script("window.sameDocument = true;");

        listener.close();
        b.until(WITHIN, d -> "down".equals(statusOf(b, "tree", service)));
        assertTrue(b.focused(link), "the link keeps the focus when its row is redrawn: " + active(b));
        // the problems list above grew by the row: the browser keeps the tree where it was on the screen
        b.until(WITHIN, d -> statusOf(b, "problems", service) != null);
        assertEquals(top, topOf(b, link), "the row stays where it was on the screen");
        // and a key still reaches the tree: left goes to the parent's row
        b.driver().switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        b.until(WITHIN, d -> b.focused(hostLink));

        String box = rowCss("tree", service) + " > .row > input.select";
        b.script("document.querySelector(arguments[0]).focus();", box);
        listener.open();
        b.until(WITHIN, d -> "up".equals(statusOf(b, "tree", service)));
        assertTrue(b.focused(box), "the selection box keeps the focus: " + active(b));
        b.driver().switchTo().activeElement().sendKeys(Keys.SPACE);
        b.until(WITHIN, d -> "1 selected"
                .equals(d.findElement(By.id("bulk-count")).getText()));

        // a new object under the host: the tree is drawn again from the server, the focus stays on the same row
        b.script("document.querySelector(arguments[0]).focus();", link);
        Listener other = listener();
        String second = service(other);
        b.until(WITHIN, d -> !d.findElements(row("tree", second)).isEmpty());
        assertTrue(b.focused(link), "the same object's row has the focus after the redraw: " + active(b));
        // the focused object removed: its parent's row takes the focus
        assertEquals(204, api.delete(object(service)).status());
        b.until(WITHIN, d -> d.findElements(row("tree", service)).isEmpty());
        b.until(WITHIN, d -> b.focused(hostLink));
        assertEquals(Boolean.TRUE, b.script("return window.sameDocument === true;"), "no reload");
    }

    /**
     * The dashboard's other redraws: the problems list refetched after a change keeps the focus on the same row's
     * link, the siren's button keeps it though drawn again, and a tree redrawn by a push shows the filter that was
     * applied, not what is half typed in the box (which stays there).
     */
    @Test
    void theProblemsListTheSirenAndTheFilterBoxKeepTheUsersPlace() {
        Listener first = listener();
        Listener second = listener();
        String one = service(first);
        String two = service(second);
        first.close();
        Chromium b = admin().waitReady(WITHIN);
        b.until(WITHIN, d -> "down".equals(statusOf(b, "problems", one)));
        String link = rowCss("problems", one) + " > .row > a.name";
        b.script("document.querySelector(arguments[0]).focus();", link);

        second.close();
        b.until(WITHIN, d -> "down".equals(statusOf(b, "problems", two)));
        assertTrue(b.focused(link), "the problem's link keeps the focus: " + active(b));

        b.script("document.getElementById('siren-toggle').focus();");
        second.open();
        b.until(WITHIN, d -> statusOf(b, "problems", two) == null);
        assertTrue(b.focused("#siren-toggle"), "the siren's button keeps the focus: " + active(b));

        b.driver().findElement(By.name("q")).sendKeys("nothing_has_this_name");
        b.script("document.querySelectorAll('#tree li').forEach(li => li.dataset.before = 'yes');");
        created(api.post(object(group) + "/children", """
                {"kind": "Host", "name": "127.0.0.2"}"""));
        b.until(WITHIN, d -> d.findElements(By.cssSelector("#tree li[data-before]"))
                .isEmpty());
        assertEquals("Tree", b.driver().findElement(By.id("tree-heading")).getText(), "the filter applied: none");
        assertTrue(b.driver().findElements(By.id("no-match")).isEmpty());
        assertTrue(statusOf(b, "tree", group) != null, "the whole tree is shown");
        assertEquals(
                "nothing_has_this_name", b.driver().findElement(By.name("q")).getAttribute("value"));
    }

    /**
     * Staff have checked a notification and typed half a filter when a new notification arrives: the list is
     * reloaded, the box stays checked and focused, the typed text stays in the box and the list keeps the filter
     * that was applied; acknowledging the selection acknowledges exactly the one checked.
     */
    @Test
    void aNotificationListReloadedByAPushKeepsTheSelectionAndTheTypedFilter() {
        Listener first = listener();
        Listener second = listener();
        Listener third = listener();
        String one = toldService(first);
        String two = toldService(second);
        String three = toldService(third);
        first.close();
        second.close();
        Chromium b = browser(user("staff"), "web-password-1")
                .go("notifications.html?" + "object=" + Api.encode(group))
                .waitReady(WITHIN);
        String rowOne = "#notifications tr[data-object=\"" + one + "\"][data-state=active]";
        String rowTwo = "#notifications tr[data-object=\"" + two + "\"][data-state=active]";
        String rowThree = "#notifications tr[data-object=\"" + three + "\"][data-state=active]";
        b.visible(By.cssSelector(rowOne), WITHIN);
        b.visible(By.cssSelector(rowTwo), WITHIN);
        b.driver().findElement(By.name("object")).sendKeys(":half");
        b.click(By.cssSelector(rowOne + " input.select"), WITHIN);
        b.script("document.querySelector(arguments[0]).focus();", rowOne + " input.select");

        third.close();
        b.visible(By.cssSelector(rowThree), WITHIN);
        assertTrue(
                b.driver().findElement(By.cssSelector(rowOne + " input.select")).isSelected(), "still checked");
        assertTrue(!b.driver()
                .findElement(By.cssSelector(rowTwo + " input.select"))
                .isSelected());
        assertTrue(
                !b.driver()
                        .findElement(By.cssSelector(rowThree + " input.select"))
                        .isSelected(),
                "new: not");
        assertTrue(b.focused(rowOne + " input.select"), "the box keeps the focus: " + active(b));
        assertEquals(group + ":half", b.driver().findElement(By.name("object")).getAttribute("value"));

        b.click(By.id("ack-selected"), WITHIN);
        b.until(WITHIN, d -> d.findElements(By.cssSelector(rowOne)).isEmpty());
        assertEquals("acked", stateOf(one));
        assertEquals("active", stateOf(two));
        assertEquals("active", stateOf(three));
    }

    /**
     * The object page: the focused "Remove override" button keeps the focus when a status push redraws the override,
     * a focused note's remove button when someone else's note redraws the list, and a note half typed stays typed.
     */
    @Test
    void theObjectPageKeepsTheFocusAndTheTypedNoteThroughPushes() {
        Listener listener = listener();
        String service = service(listener);
        String status = "api/status/" + Api.encode(service);
        assertEquals(200, api.put(status + "/override", """
                {"text": "planned work", "mode": "manual"}""").status());
        long first = created(api.post(status + "/annotations", """
                {"text": "first note"}"""))
                .getJsonNumber("id")
                .longValue();
        Chromium b = admin().go("object.html?name=" + Api.encode(service)).waitReady(WITHIN);
        b.visible(By.id("override-remove"), WITHIN);
        String firstRemove = "#annotations li[data-annotation='" + first + "'] button.annotation-remove";
        b.visible(By.cssSelector(firstRemove), WITHIN);
        b.driver()
                .findElement(By.cssSelector("#annotation-form input[name=text]"))
                .sendKeys("half a note");
        b.script("document.getElementById('override-remove').focus();");

        listener.close();
        b.until(WITHIN, d -> d.findElement(By.cssSelector("#object-facts dd[data-fact=Status]"))
                .getText()
                .startsWith("down"));
        assertTrue(b.focused("#override-remove"), "the button keeps the focus: " + active(b));

        b.script("document.querySelector(arguments[0]).focus();", firstRemove);
        created(api.post(status + "/annotations", """
                {"text": "someone else's note"}"""));
        b.until(WITHIN, d -> d.findElement(By.id("annotations")).getText().contains("someone else's note"));
        assertTrue(b.focused(firstRemove), "the note's button keeps the focus: " + active(b));
        assertEquals(
                "half a note",
                b.driver()
                        .findElement(By.cssSelector("#annotation-form input[name=text]"))
                        .getAttribute("value"));
    }

    private String toldService(Listener listener) {
        return created(api.post(object(host) + "/children", """
                {"kind": "Service", "type": "TCP", "parameters": [
                  {"key": "port", "value": "%d"}, {"key": "expect", "value": "^OK"},
                  {"key": "notify", "value": "log:ops"}]}""".formatted(listener.port())))
                .getString("fullName");
    }

    private String stateOf(String service) {
        String path = "api/notifications?exact=true&object=" + Api.encode(service);
        Eventually.await(service + " told", WITHIN, () -> api.get(path).json().getInt("total") > 0);
        return api.get(path).json().getJsonArray("items").getJsonObject(0).getString("state");
    }

    static long topOf(Chromium b, String css) {
        return Math.round(
                ((Number) b.script("return document.querySelector(arguments[0]).getBoundingClientRect().top;", css))
                        .doubleValue());
    }

    static String active(Chromium b) {
        return String.valueOf(b.script("const a = document.activeElement;"
                + " const li = a && a.closest('li[data-full-name]');"
                + " return (a ? a.tagName + '.' + a.className : 'none') + (li ? ' in ' + li.dataset.fullName : '');"));
    }
}
