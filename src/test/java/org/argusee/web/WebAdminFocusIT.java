package org.argusee.web;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrator's pages keep what an admin is doing while someone else changes things: the tree editor's form
 * through tree redraws (and says so when the open object itself changed), the peers page's delete question and
 * edit form through its live refreshes, the users page's unsaved role through a redraw of the table.
 */
class WebAdminFocusIT extends WebFixture {

    @Test
    void theTreeEditorKeepsWhatWasTypedAndSaysWhenTheObjectChangedUnderneath() {
        String service = service(listener());
        Chromium b = admin().go("admin-tree.html?name=" + Api.encode(service)).waitReady(WITHIN);
        b.until(
                WITHIN,
                d -> service.equals(d.findElement(By.id("editor-heading")).getText()));
        WebElement name = b.driver().findElement(By.id("object-name"));
        name.clear();
        name.sendKeys("renamed_here");
        assertTrue(b.focused("#object-name"));

        // someone else changes another part of the tree: the tree is drawn again, the form is left alone
        b.script("document.querySelectorAll('#tree li').forEach(li => li.dataset.before = 'yes');");
        created(api.post(object(group) + "/children", """
                {"kind": "Host", "name": "127.0.0.2"}"""));
        b.until(WITHIN, d -> d.findElements(By.cssSelector("#tree li[data-before]"))
                .isEmpty());
        assertEquals("renamed_here", name.getAttribute("value"));
        assertTrue(b.focused("#object-name"), "the input keeps the focus: " + WebFocusIT.active(b));
        assertTrue(b.driver().findElement(By.id("editor-status")).getAttribute("hidden") != null, "nothing to say");

        // someone else changes the open object: said at once; what was typed stays; a save is refused
        assertEquals(200, api.put(object(service) + "/parameters/label", """
                {"value": "theirs"}""").status());
        b.until(WITHIN, d -> "true".equals(d.findElement(By.id("editor-status")).getAttribute("data-stale")));
        assertTrue(b.driver()
                .findElement(By.id("editor-status"))
                .getText()
                .contains("was changed by someone else after you opened it"));
        assertEquals("renamed_here", name.getAttribute("value"));
        assertTrue(b.focused("#object-name"), "the input keeps the focus: " + WebFocusIT.active(b));
        b.screenshotFullPage("admin-tree-changed-underneath");
        b.click(By.id("save-object"), WITHIN);
        b.until(WITHIN, d -> d.findElement(By.id("editor-status")).getText().contains("Another administrator"));
        assertEquals(200, api.get(object(service)).status(), "not renamed");
    }

    @Test
    void thePeersPageKeepsTheDeleteQuestionAndTheOpenFormThroughLiveRefreshes() {
        String tag = "webkeep" + UUID.randomUUID().toString().substring(0, 8);
        try {
            created(api.post("api/darp/peers", """
                    {"tag": "%s", "role": "slave", "allowedAddresses": ["127.0.0.1"], "label": "as created"}""".formatted(tag)));
            Chromium b = admin().go("admin-peers.html").waitReady(WITHIN);
            String row = "#peers tr[data-tag='" + tag + "']";
            b.click(By.cssSelector(row + " button[data-action=delete]"), WITHIN);
            b.visible(By.cssSelector(row + " button[data-action=confirm-delete]"), WITHIN);
            assertTrue(b.focused(row + " button[data-action=confirm-delete]"));

            relabel(tag, "changed once");
            b.until(WITHIN, d -> d.findElement(By.cssSelector(row)).getText().contains("changed once"));
            assertTrue(b.focused(row + " button[data-action=confirm-delete]"), "asked still: " + WebFocusIT.active(b));
            b.click(By.cssSelector(row + " button[data-action=keep]"), WITHIN);
            b.until(WITHIN, d -> b.focused(row + " button[data-action=delete]"));

            b.click(By.cssSelector(row + " button[data-action=edit]"), WITHIN);
            WebElement label = b.visible(By.cssSelector("#peer-edit input[name=label]"), WITHIN);
            label.clear();
            label.sendKeys("mine");
            relabel(tag, "changed twice");
            b.visible(By.id("peer-changed"), WITHIN);
            assertTrue(b.driver().findElement(By.id("peer-changed")).getText().contains("changed by someone else"));
            assertEquals("mine", label.getAttribute("value"), "what the admin typed stays");
            b.screenshot("admin-peers-changed-underneath");
            b.click(By.cssSelector("#peer-changed button[data-action=reload]"), WITHIN);
            b.until(WITHIN, d -> "changed twice"
                    .equals(d.findElement(By.cssSelector("#peer-edit input[name=label]"))
                            .getAttribute("value")));
            assertTrue(b.driver().findElements(By.id("peer-changed")).isEmpty());
        } finally {
            api.delete("api/darp/peers/" + tag);
        }
    }

    @Test
    void theUsersPageKeepsAnUnsavedRoleWhenTheTableIsDrawnAgain() {
        String first = user("user");
        String second = user("user");
        Chromium b = admin().go("admin-users.html").waitReady(WITHIN);
        String firstRow = "#users tr[data-user='" + first + "']";
        new Select(b.visible(By.cssSelector(firstRow + " select[name=role]"), WITHIN)).selectByValue("staff");
        b.click(By.cssSelector("#users tr[data-user='" + second + "'] button[data-action=disable]"), WITHIN);
        b.until(WITHIN, d -> "false"
                .equals(d.findElement(By.cssSelector("#users tr[data-user='" + second + "']"))
                        .getAttribute("data-enabled")));
        // the button pressed turned into "Enable": the focus is on it
        b.until(WITHIN, d -> b.focused("#users tr[data-user='" + second + "'] button[data-action=enable]"));
        assertEquals(
                "staff",
                new Select(b.driver().findElement(By.cssSelector(firstRow + " select[name=role]")))
                        .getFirstSelectedOption()
                        .getAttribute("value"),
                "the role chosen and not saved is still chosen");
        assertTrue(b.driver().findElement(By.cssSelector(firstRow)).getText().contains("not saved yet"));
        assertEquals("[\"user\"]", rolesOf(first), "nothing saved");
        b.click(By.cssSelector(firstRow + " button[data-action=role]"), WITHIN);
        b.until(WITHIN, d -> !d.findElement(By.cssSelector(firstRow)).getText().contains("not saved"));
        assertEquals("[\"staff\"]", rolesOf(first), "saved now");
    }

    /** The Configs page's tables reload at every tree push: the focused button keeps the focus, the editor its text. */
    @Test
    void theConfigsPageKeepsTheFocusAndTheEditedBlockThroughATreePush() {
        String method = "web_" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply block = api.send(
                "POST",
                "api/config/blocks?object=" + Api.encode(group),
                "Method \"" + method + "\" {\n  command: /bin/true\n  send: To: %R\\n\n}\n",
                "text/plain");
        long id = created(block).getJsonNumber("id").longValue();
        Chromium b = admin().go("admin-config.html").waitReady(WITHIN);
        String edit = "#blocks tr[data-id='" + id + "'] button.block-edit";
        b.click(By.cssSelector(edit), WITHIN);
        WebElement text = b.visible(By.id("block-text"), WITHIN);
        b.until(WITHIN, d -> text.getAttribute("value").contains(method));
        text.sendKeys("# typed here");
        b.script("document.querySelector(arguments[0]).focus();", edit);

        b.script("document.querySelectorAll('#blocks tr').forEach(tr => tr.dataset.before = 'yes');");
        created(api.post(object(group) + "/children", """
                {"kind": "Host", "name": "127.0.0.3"}"""));
        b.until(WITHIN, d -> d.findElements(By.cssSelector("#blocks tr[data-before]"))
                .isEmpty());
        assertTrue(b.focused(edit), "the button keeps the focus: " + WebFocusIT.active(b));
        assertTrue(text.getAttribute("value").contains("# typed here"), "the editor keeps what was typed");
    }

    /**
     * Another admin changes the block open in the editor: said at once, without a reload, above the text, which keeps
     * what was typed and the focus; Keep editing leaves it (the save is then refused, 409, and the notice is back),
     * Load their version replaces it. Deleted: said too, and what was typed can be saved as a new block. The page's
     * own save is not someone else's.
     */
    @Test
    void theBlockEditorSaysAtOnceWhenAnotherAdminChangesOrDeletesTheOpenBlock() {
        String method = "web_" + UUID.randomUUID().toString().substring(0, 8);
        String block = "api/config/blocks/";
        long id = created(api.send(
                        "POST",
                        block + "?object=" + Api.encode(group),
                        "Method \"" + method + "\" {\n  command: /bin/true\n  send: To: %R\\n\n}\n",
                        "text/plain"))
                .getJsonNumber("id")
                .longValue();
        Api other = Api.anonymous(base).as(user("admin"), "web-password-1");
        Chromium b = admin().go("admin-config.html").waitReady(WITHIN);
        b.click(By.cssSelector("#blocks tr[data-id='" + id + "'] button.block-edit"), WITHIN);
        WebElement text = b.visible(By.id("block-text"), WITHIN);
        b.until(WITHIN, d -> text.getAttribute("value").contains(method));
        text.sendKeys("# typed here");

        // renamed as well: the notice says what it is now
        Api.Reply theirs = other.send(
                "PUT",
                block + id,
                "Method \"" + method + "_theirs\" {\n  command: /bin/true\n  send: Subject: theirs\\n\n}\n",
                "text/plain");
        assertEquals(200, theirs.status(), theirs.toString());
        WebElement notice = b.visible(By.cssSelector("#block-changed[data-state=changed]"), WITHIN);
        assertTrue(notice.getText().contains("Someone else changed this block"), notice.getText());
        assertTrue(
                notice.getText().contains("it is now Method \"" + method + "_theirs\" on " + group), notice.getText());
        assertTrue(text.getAttribute("value").endsWith("# typed here"), "what was typed stays");
        assertTrue(b.focused("#block-text"), "the text keeps the focus: " + WebFocusIT.active(b));
        b.screenshot("admin-config-block-changed-underneath");

        b.click(By.cssSelector("#block-changed button[data-action=keep]"), WITHIN);
        b.until(WITHIN, d -> d.findElements(By.id("block-changed")).isEmpty());
        assertTrue(b.focused("#block-text"));
        b.click(By.id("block-save"), WITHIN);
        WebElement refused = b.visible(By.id("block-refused"), WITHIN);
        assertTrue(refused.getText().contains("changed by someone else"), refused.getText());
        b.visible(By.cssSelector("#block-changed[data-state=changed]"), WITHIN);
        assertTrue(text.getAttribute("value").endsWith("# typed here"), "refused, and still as typed");
        b.click(By.cssSelector("#block-changed button[data-action=reload]"), WITHIN);
        b.until(WITHIN, d -> text.getAttribute("value").contains("Subject: theirs"));
        assertTrue(b.driver().findElements(By.id("block-changed")).isEmpty());

        // the page's own save is not someone else's change: once the list shows the saved version, nothing said
        text.clear();
        text.sendKeys("Method \"" + method + "\" {\n  command: /bin/true\n  send: Subject: mine\\n\n}\n");
        b.click(By.id("block-save"), WITHIN);
        b.visible(By.id("block-saved"), WITHIN);
        String saved = api.get(block + id).json().getString("version");
        b.visible(By.cssSelector("#blocks tr[data-id='" + id + "'][data-version='" + saved + "']"), WITHIN);
        assertTrue(b.driver().findElements(By.id("block-changed")).isEmpty(), "nothing said of the page's own save");

        text.sendKeys("# and more");
        assertEquals(204, other.delete(block + id).status());
        notice = b.visible(By.cssSelector("#block-changed[data-state=deleted]"), WITHIN);
        assertTrue(notice.getText().contains("Someone else deleted this block"), notice.getText());
        assertTrue(text.getAttribute("value").endsWith("# and more"), "what was typed stays");
        b.click(By.cssSelector("#block-changed button[data-action=as-new]"), WITHIN);
        assertEquals(group, b.driver().findElement(By.id("block-object")).getAttribute("value"));
        b.click(By.id("block-save"), WITHIN);
        b.visible(By.id("block-saved"), WITHIN);
        long again =
                Long.parseLong(b.driver().findElement(By.id("block-editor")).getAttribute("data-id"));
        assertTrue(api.get(block + again).json().getString("text").contains("Subject: mine"));
    }

    private String rolesOf(String user) {
        return api.get("api/users").array().getValuesAs(JsonObject.class).stream()
                .filter(u -> user.equals(u.getString("username")))
                .map(u -> u.getJsonArray("roles").toString())
                .findFirst()
                .orElseThrow();
    }

    private void relabel(String tag, String label) {
        assertEquals(200, api.put("api/darp/peers/" + tag, """
                {"label": "%s"}""".formatted(label)).status());
    }
}
