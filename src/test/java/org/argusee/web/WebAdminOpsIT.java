package org.argusee.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.argusee.darp.control.ScramVerifier;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.Chromium;
import org.argusee.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrator's DARP peers and users pages and everyone's account page in a real browser (issue 13): an admin
 * adds a user-role account, which is refused the admin pages and changes its own password; an admin adds a slave
 * and rotates its secret; two admins edit the same peer and the second is told.
 */
class WebAdminOpsIT extends WebFixture {

    private final String tag = "webops" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removePeer() {
        api.delete("api/darp/peers/" + tag);
    }

    @Test
    void anAddedUserCannotOpenTheAdminPagesAndChangesTheirOwnPassword() {
        String name = "web_ops_" + UUID.randomUUID().toString().substring(0, 8);
        Chromium b = admin();
        b.go("admin-users.html").waitReady(WITHIN);
        WebElement form = b.driver().findElement(By.id("user-add"));
        type(form, "username", "no spaces allowed");
        new Select(form.findElement(By.name("roles"))).selectByValue("user");
        type(form, "password", "web-password-1");
        type(form, "password2", "web-password-2");
        b.click(By.id("user-add-submit"), WITHIN);
        b.visible(By.id("user-add-password2-error"), WITHIN);

        type(form, "password", "web-password-1");
        type(form, "password2", "web-password-1");
        b.click(By.id("user-add-submit"), WITHIN);
        WebElement refused = b.visible(By.id("user-add-username-error"), WITHIN);
        assertTrue(refused.getText().contains("username"), "the server's word at the field: " + refused.getText());

        type(form, "username", name);
        type(form, "password", "web-password-1");
        type(form, "password2", "web-password-1");
        // pressed twice, as a new user does while the password is hashed: the second press is ignored (it showed
        // "type the password", or a 500 when both reached the server)
        new Actions(b.driver())
                .doubleClick(b.driver().findElement(By.id("user-add-submit")))
                .perform();
        users.add(name);
        By row = By.cssSelector("#users tr[data-user='" + name + "']");
        b.visible(row, WITHIN);
        b.until(WITHIN, d -> d.findElement(By.id("users-note")).getText().startsWith("Added " + name));
        assertEquals(
                "",
                b.script("return [...document.querySelectorAll('#user-add .field-error, #user-add .form-error')]"
                        + ".map(e => e.textContent).join('')"),
                "no error after a double press");
        assertEquals(
                "user",
                new Select(b.driver().findElement(row).findElement(By.name("role")))
                        .getFirstSelectedOption()
                        .getAttribute("value"));
        assertFalse(b.text().contains("web-password-1"), "no password on the page");
        b.screenshot("admin-users");

        Chromium u = browser(name, "web-password-1");
        assertTrue(u.driver().findElements(By.linkText("Users")).isEmpty(), "no admin links for a user");
        for (String page : new String[] {"admin-users.html", "admin-peers.html"}) {
            u.go(page).waitReady(WITHIN);
            WebElement notAllowed = u.visible(By.id("not-allowed"), WITHIN);
            assertTrue(notAllowed.getText().contains("for administrators"), notAllowed.getText());
            assertTrue(
                    u.driver()
                            .findElements(By.cssSelector("main form, main table"))
                            .isEmpty(),
                    page);
        }
        u.screenshot("admin-refused");
        assertEquals(
                403,
                Api.anonymous(base).as(name, "web-password-1").get("api/users").status());
        assertEquals(
                403,
                Api.anonymous(base)
                        .as(name, "web-password-1")
                        .post("api/darp/peers", """
                {"tag": "%s", "role": "slave", "allowedAddresses": ["127.0.0.1"]}""".formatted(tag))
                        .status());

        u.go("account.html").waitReady(WITHIN);
        changeOwnPassword(u, "not-my-password", "web-password-9");
        WebElement wrong = u.visible(By.id("own-password-oldPassword-error"), WITHIN);
        assertTrue(wrong.getText().contains("not right"), wrong.getText());
        changeOwnPassword(u, "web-password-1", "web-password-9");
        u.visible(By.id("own-password-done"), WITHIN);
        u.screenshot("account");
        u.click(By.id("logout"), WITHIN);
        u.until(WITHIN, d -> d.getCurrentUrl().contains("login.html"));
        u.login(name, "web-password-9");
        assertEquals(
                401,
                Api.anonymous(base)
                        .as(name, "web-password-1")
                        .get("api/users/me")
                        .status());
    }

    @Test
    void anAdminAddsASlaveAndRotatesItsSecret() throws SQLException {
        Chromium b = admin();
        b.go("admin-peers.html").waitReady(WITHIN);
        WebElement form = b.driver().findElement(By.id("peer-add"));
        type(form, "tag", tag);
        type(form, "allowedAddresses", "127.0.0.1/99");
        type(form, "secret", "first-secret-1");
        type(form, "secret2", "first-secret-1");
        type(form, "label", "lab slave");
        b.click(By.id("peer-add-submit"), WITHIN);
        b.visible(By.id("peer-add-allowedAddresses-error"), WITHIN);

        type(form, "allowedAddresses", "127.0.0.1");
        type(form, "secret", "first-secret-1");
        type(form, "secret2", "first-secret-1");
        b.click(By.id("peer-add-submit"), WITHIN);
        By row = peerRow();
        b.visible(row, WITHIN);
        // the live list redraws rows at any time: looked up again until it holds
        b.until(WITHIN, d -> "never"
                .equals(d.findElement(row)
                        .findElement(By.cssSelector("td.link"))
                        .getAttribute("data-state")));
        String before = storedVerifier();
        assertTrue(ScramVerifier.parse(before).matches("first-secret-1"));

        b.click(By.cssSelector("#peers tr[data-tag='" + tag + "'] button[data-action=rotate]"), WITHIN);
        WebElement rotate = b.visible(By.id("peer-secret"), WITHIN);
        type(rotate, "secret", "second-secret-2");
        type(rotate, "secret2", "second-secret-3");
        b.click(By.id("peer-secret-save"), WITHIN);
        b.visible(By.id("peer-secret-secret2-error"), WITHIN);
        type(rotate, "secret", "second-secret-2");
        type(rotate, "secret2", "second-secret-2");
        b.click(By.id("peer-secret-save"), WITHIN);
        b.until(WITHIN, d -> d.findElement(By.id("peers-note")).getText().contains("rotated"));
        String after = storedVerifier();
        assertTrue(ScramVerifier.parse(after).matches("second-secret-2"), "the new secret is the one");
        assertFalse(ScramVerifier.parse(after).matches("first-secret-1"), "the old one no longer works");
        assertFalse(b.text().contains("second-secret-2"), "no secret on the page");
        b.screenshot("admin-peers");
    }

    @Test
    void twoAdminsEditTheSamePeerAndTheSecondIsTold() {
        created(api.post("api/darp/peers", """
                {"tag": "%s", "role": "slave", "allowedAddresses": ["127.0.0.1"], "label": "as created"}""".formatted(tag)));
        Chromium first = admin();
        Chromium second = browser(user("admin"), "web-password-1");
        for (Chromium b : new Chromium[] {first, second}) {
            b.go("admin-peers.html").waitReady(WITHIN);
            b.click(By.cssSelector("#peers tr[data-tag='" + tag + "'] button[data-action=edit]"), WITHIN);
            b.visible(By.id("peer-edit"), WITHIN);
        }
        editLabel(first, "the first admin's");
        first.until(WITHIN, d -> d.findElement(By.id("peer-edit-panel")).getAttribute("hidden") != null);
        // the second page's list follows live; its open form keeps the version it was opened at
        second.until(WITHIN, d -> d.findElement(peerRow()).getText().contains("the first admin's"));

        editLabel(second, "the second admin's");
        second.until(WITHIN, d -> d.findElement(By.cssSelector("#peer-edit .form-error"))
                .getText()
                .contains("changed by someone else"));
        assertEquals(
                "the first admin's", api.get("api/darp/peers/" + tag).json().getString("label"));
        second.screenshot("admin-peers-conflict");

        // told, the second admin loads the version saved meanwhile and saves on top of it knowingly
        second.click(By.cssSelector("#peer-edit button[data-action=reload]"), WITHIN);
        second.until(WITHIN, d -> "the first admin's"
                .equals(d.findElement(By.cssSelector("#peer-edit input[name=label]"))
                        .getAttribute("value")));
        editLabel(second, "the second admin's");
        second.until(WITHIN, d -> d.findElement(peerRow()).getText().contains("the second admin's"));
        first.until(WITHIN, d -> d.findElement(peerRow()).getText().contains("the second admin's"));
    }

    /** Types into the form's input of that name, replacing what it held. */
    private static void type(WebElement form, String name, String text) {
        WebElement input = form.findElement(By.name(name));
        input.clear();
        input.sendKeys(text);
    }

    private By peerRow() {
        return By.cssSelector("#peers tr[data-tag='" + tag + "']");
    }

    private static void editLabel(Chromium b, String label) {
        WebElement input = b.driver().findElement(By.cssSelector("#peer-edit input[name=label]"));
        input.clear();
        input.sendKeys(label);
        b.click(By.id("peer-edit-save"), WITHIN);
    }

    private static void changeOwnPassword(Chromium u, String old, String fresh) {
        WebElement form = u.driver().findElement(By.id("own-password"));
        type(form, "oldPassword", old);
        type(form, "newPassword", fresh);
        type(form, "newPassword2", fresh);
        u.click(By.id("own-password-submit"), WITHIN);
    }

    private String storedVerifier() throws SQLException {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement("select secret_verifier from argus.darp_peer where tag = ?")) {
            s.setString(1, tag);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "no peer " + tag);
                return r.getString(1);
            }
        }
    }
}
