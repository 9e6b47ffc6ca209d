package org.argusee.web;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The tree editor in a real browser: an admin builds a group, a host and a TCP service and sees it probed; changes a
 * group's frequency with the preview of every service it reaches; moves the host; two admins edit one service.
 * Everything is built under the fixture's group (probed every second), which the fixture deletes afterwards.
 */
class WebAdminTreeIT extends WebFixture {

    @Test
    void adminBuildsAServiceThenChangesTheGroupsFrequencyAndMovesTheHost() {
        Listener listener = listener();
        Chromium b = admin();
        b.go("admin-tree.html?name=" + Api.encode(group)).waitReady(WITHIN);
        heading(b, group);

        b.click(By.cssSelector("#create-panel > summary"), WITHIN);
        create(b, "Group", "edge");
        String edge = group + ":edge";
        heading(b, edge);
        create(b, "Host", "127.0.0.1");
        String newHost = edge + ":127.0.0.1";
        heading(b, newHost);

        new Select(b.driver().findElement(By.id("create-kind"))).selectByValue("Service");
        new Select(b.driver().findElement(By.id("create-base"))).selectByValue("TCP");
        new Select(b.driver().findElement(By.id("create-app"))).selectByValue("");
        b.visible(By.cssSelector("#create-params input[data-key=port]"), WITHIN)
                .sendKeys(String.valueOf(listener.port()));
        assertEquals(
                "port",
                b.driver()
                        .findElement(By.cssSelector("#create-params input[name=param]"))
                        .getAttribute("data-key"),
                "the parameter TCP needs comes first");
        b.driver().findElement(By.id("create-submit")).click();
        String service = b.until(WITHIN, d -> {
            String h = d.findElement(By.id("editor-heading")).getText();
            return h.startsWith(newHost + ":") ? h : null;
        });
        // probed (every second, inherited from the fixture's group) and shown up in the tree, live
        b.until(WITHIN, d -> "up".equals(statusOf(b, "tree", service)));
        b.screenshotFullPage("admin-tree");

        // the group's frequency: the preview lists the service, then it is applied
        b.click(By.cssSelector(rowCss("tree", edge) + " > .row a.name"), WITHIN);
        heading(b, edge);
        b.driver().findElement(By.id("add-param")).click();
        lastOwnRow(b, "key").sendKeys("frequency");
        lastOwnRow(b, "value").sendKeys("2");
        b.driver().findElement(By.id("save-object")).click();
        b.visible(By.id("preview"), WITHIN);
        WebElement change = b.visible(
                By.cssSelector("#preview-rows tr[data-full-name=\"" + service + "\"][data-key=frequency]"), WITHIN);
        assertTrue(change.getText().contains("1") && change.getText().contains("2"), change.getText());
        b.screenshotFullPage("admin-tree-preview");
        assertEquals("1", effective(service, "frequency"), "nothing written before Apply");
        b.driver().findElement(By.id("preview-apply")).click();
        b.until(WITHIN, d -> "Saved."
                .equals(d.findElement(By.id("editor-status")).getText()));
        assertEquals("2", effective(service, "frequency"));

        // the host moves to another group; the preview says it then inherits frequency 1 again
        String other = group + ":other";
        created(api.post(object(group) + "/children", """
                {"kind": "Group", "name": "other"}"""));
        b.click(By.cssSelector(rowCss("tree", newHost) + " > .row a.name"), WITHIN);
        heading(b, newHost);
        b.click(By.cssSelector("#move-panel > summary"), WITHIN);
        WebElement parent = b.visible(By.id("move-parent"), WITHIN);
        parent.clear();
        parent.sendKeys(other);
        b.driver().findElement(By.id("move-submit")).click();
        b.visible(By.cssSelector("#preview-rows tr[data-full-name=\"" + service + "\"][data-key=frequency]"), WITHIN);
        b.driver().findElement(By.id("preview-apply")).click();
        String moved = other + ":127.0.0.1";
        heading(b, moved);
        assertEquals(200, api.get(object(moved)).status());
        String movedService = moved + service.substring(newHost.length());
        assertEquals("1", effective(movedService, "frequency"));
        expand(b, moved);
        b.until(WITHIN, d -> "up".equals(statusOf(b, "tree", movedService)));

        // deleted from the page: asked once more, then done and said (the page moved on to the parent in silence)
        b.script("document.getElementById('move-panel').open = true");
        b.click(By.id("delete-object"), WITHIN);
        b.click(By.id("delete-confirm"), WITHIN);
        heading(b, other);
        b.until(WITHIN, d -> ("Deleted " + moved + " and all under it.")
                .equals(d.findElement(By.id("editor-status")).getText()));
        assertEquals(404, api.get(object(moved)).status());
        b.until(WITHIN, d -> d.findElements(By.cssSelector(rowCss("tree", moved)))
                .isEmpty());
    }

    @Test
    void theSecondOfTwoAdminsEditingOneServiceIsTold() {
        String service = service(listener());
        Chromium first = admin();
        Chromium second = admin();
        for (Chromium b : List.of(first, second)) {
            b.go("admin-tree.html?name=" + Api.encode(service)).waitReady(WITHIN);
            heading(b, service);
        }
        addAndSave(first, "label", "first");
        first.until(WITHIN, d -> "Saved."
                .equals(d.findElement(By.id("editor-status")).getText()));

        // the second page hears of it from the tree's push before saving anything
        second.until(
                WITHIN, d -> "true".equals(d.findElement(By.id("editor-status")).getAttribute("data-stale")));
        assertTrue(second.driver()
                .findElement(By.id("editor-status"))
                .getText()
                .contains("was changed by someone else after you opened it"));
        addAndSave(second, "label", "second");
        second.until(
                WITHIN, d -> d.findElement(By.id("editor-status")).getText().contains("Another administrator changed"));
        String told = second.driver().findElement(By.id("editor-status")).getText();
        assertTrue(told.contains("Another administrator changed"), told);
        String atField = second.driver()
                .findElement(By.cssSelector("#object-form .field-error[data-field=version]"))
                .getText();
        assertTrue(atField.contains("changed by someone else"), atField);
        second.screenshotFullPage("admin-tree-stale");
        assertEquals("first", effective(service, "label"), "the first save stands");

        // after Reset the second admin sees the first one's value and may save over it knowingly
        second.driver().findElement(By.id("reset-object")).click();
        // the reload clears the notice and redraws the rows in one go
        second.until(WITHIN, d -> "false"
                .equals(d.findElement(By.id("editor-status")).getAttribute("data-stale")));
        WebElement value =
                second.driver().findElement(By.cssSelector("#own-params tr[data-key=label] input[name=value]"));
        assertEquals("first", value.getAttribute("value"));
        value.clear();
        value.sendKeys("second");
        second.driver().findElement(By.id("save-object")).click();
        second.until(WITHIN, d -> "Saved."
                .equals(d.findElement(By.id("editor-status")).getText()));
        assertEquals("second", effective(service, "label"));
    }

    @Test
    void aUserIsToldThePageIsForAdministratorsAndTheApiRefuses() {
        String reader = user("user");
        Chromium b = browser(reader, "web-password-1");
        b.go("admin-tree.html").waitReady(WITHIN);
        String said = b.visible(By.id("not-allowed"), WITHIN).getText();
        assertTrue(said.contains("This page is for administrators"), "one wording on every admin page: " + said);
        assertTrue(b.driver().findElements(By.cssSelector("#admin-tree")).isEmpty());
        Api.Reply refused =
                Api.anonymous(base).as(reader, "web-password-1").put(object(group) + "/parameters/frequency", """
                {"value": "5"}""");
        assertEquals(403, refused.status(), refused.toString());
    }

    private static void create(Chromium b, String kind, String name) {
        new Select(b.driver().findElement(By.id("create-kind"))).selectByValue(kind);
        WebElement field = b.visible(By.id("create-name"), WITHIN);
        field.clear();
        field.sendKeys(name);
        b.driver().findElement(By.id("create-submit")).click();
    }

    private static void addAndSave(Chromium b, String key, String value) {
        b.driver().findElement(By.id("add-param")).click();
        lastOwnRow(b, "key").sendKeys(key);
        lastOwnRow(b, "value").sendKeys(value);
        b.driver().findElement(By.id("save-object")).click();
    }

    private static WebElement lastOwnRow(Chromium b, String input) {
        return b.driver().findElement(By.cssSelector("#own-params tr:last-child input[name=" + input + "]"));
    }

    private static void heading(Chromium b, String fullName) {
        b.until(
                WITHIN,
                (WebDriver d) ->
                        fullName.equals(d.findElement(By.id("editor-heading")).getText()));
    }

    private String effective(String fullName, String key) {
        JsonObject o = api.get(object(fullName)).json();
        return o.getJsonArray("effectiveParameters").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("key").equals(key))
                .map(p -> p.getString("value"))
                .findFirst()
                .orElse(null);
    }
}
