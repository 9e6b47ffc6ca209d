package org.argusee.web;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.argusee.testsupport.Api;
import org.argusee.testsupport.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

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
}
