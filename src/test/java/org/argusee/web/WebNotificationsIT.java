package org.argusee.web;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Logger;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.Chromium;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Notifications on the pages: a real transition (a loopback listener closed) makes a real notification (method
 * {@code log}); it shows in the list and in the header's count of two sessions without a reload, staff acknowledge
 * it and the other session's count drops; a plain user has no buttons and the API refuses them. The ACLs hold
 * for notifications as for statuses.
 */
class WebNotificationsIT extends WebFixture {

    private static final Logger LOG = Logger.getLogger(WebNotificationsIT.class.getName());
    private static final String PASSWORD = "web-password-1";

    @Test
    void notificationShowsLiveInTwoSessionsAndStaffAcknowledgeIt() {
        Listener listener = listener();
        String service = toldService(listener, "");
        String staff = user("staff");
        String reader = user("user");
        Chromium watcher = browser(reader, PASSWORD).waitReady(WITHIN);
        Chromium actor = browser(staff, PASSWORD).go("notifications.html").waitReady(WITHIN);
        int watcherBefore = badge(watcher);
        int before = badge(actor);
        watcher.script("window.sameDocument = true;");
        actor.script("window.sameDocument = true;");

        listener.close();
        Instant closed = Instant.now();
        String row = "#notifications tr[data-object=\"" + service + "\"]";
        actor.visible(By.cssSelector(row + "[data-state=active]"), WITHIN);
        LOG.info("notification on the page "
                + Duration.between(closed, Instant.now()).toMillis() + " ms after the listener closed");
        actor.until(WITHIN, d -> count(d) == before + 1);
        watcher.until(WITHIN, d -> count(d) == watcherBefore + 1);
        assertTrue(actor.text().contains("log:ops"), "the destination is shown");
        actor.until(WITHIN, d -> d.findElement(By.cssSelector(row + " li[data-state]"))
                .getText()
                .matches("log:ops sent .*"));
        actor.script("window.scrollTo(0, 0);");
        actor.screenshot("notifications");

        actor.click(By.cssSelector(row + " input.select"), WITHIN);
        actor.click(By.id("ack-selected"), WITHIN);
        actor.until(WITHIN, d -> d.findElements(By.cssSelector(row)).isEmpty());
        watcher.until(WITHIN, d -> count(d) == watcherBefore);
        actor.until(WITHIN, d -> count(d) == before);
        assertEquals(Boolean.TRUE, watcher.script("return window.sameDocument === true;"), "no reload");
        assertEquals(Boolean.TRUE, actor.script("return window.sameDocument === true;"), "no reload");

        JsonObject acked = api.get("api/notifications?object=" + Api.encode(service))
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals("acked", acked.getString("state"));
        assertEquals(staff, acked.getString("ackedBy"));

        watcher.go("notifications.html?state=").waitReady(WITHIN);
        watcher.visible(By.cssSelector(row + "[data-state=acked]"), WITHIN);
        assertTrue(watcher.driver()
                .findElement(By.cssSelector(row + " li[data-state]"))
                .getText()
                .matches("log:ops sent .*"));
        assertTrue(watcher.text().contains("acked by " + staff), watcher.text());
        assertTrue(watcher.driver()
                .findElements(By.cssSelector("button.ack, input.select"))
                .isEmpty());
        assertTrue(!watcher.driver().findElement(By.id("ack-all")).isDisplayed(), "a user acknowledges nothing");
        watcher.screenshot("notifications-user");
        Api readerApi = Api.anonymous(base).as(reader, PASSWORD);
        Api.Reply refused = readerApi.post("api/notifications/" + acked.getJsonNumber("id") + "/ack", "");
        assertEquals(403, refused.status(), refused.toString());
        assertEquals(
                403, readerApi.post("api/notifications/ack", "{\"all\": true}").status());

        actor.go("object.html?name=" + Api.encode(service)).waitReady(WITHIN);
        actor.visible(By.cssSelector("#object-notifications tr[data-state=acked]"), WITHIN);
        actor.script("document.getElementById('object-notify-heading').scrollIntoView();");
        actor.screenshot("object-notifications");
    }

    /** A user sees no trace of the notifications of an object hidden from them; staff ack only where allowed. */
    @Test
    void notificationsFollowTheAcls() {
        Listener hiddenListener = listener();
        Listener lockedListener = listener();
        String hidden = toldService(hiddenListener, ", {\"key\": \"acl_user\", \"value\": \"-user\"}");
        String locked = toldService(lockedListener, ", {\"key\": \"acl_ntfyack\", \"value\": \"-staff\"}");
        String staff = user("staff");
        String reader = user("user");
        Api readerApi = Api.anonymous(base).as(reader, PASSWORD);
        Api staffApi = Api.anonymous(base).as(staff, PASSWORD);
        int readerBefore = active(readerApi);
        hiddenListener.close();
        lockedListener.close();
        long hiddenId = notificationOf(hidden);
        long lockedId = notificationOf(locked);

        assertEquals(
                0,
                readerApi
                        .get("api/notifications?object=" + Api.encode(hidden))
                        .json()
                        .getInt("total"));
        assertEquals(404, readerApi.get("api/notifications/" + hiddenId).status());
        assertEquals(readerBefore + 1, active(readerApi), "counted: the locked one only");
        assertEquals(200, staffApi.get("api/notifications/" + hiddenId).status());

        Api.Reply refused = staffApi.post("api/notifications/" + lockedId + "/ack", "");
        assertEquals(403, refused.status(), refused.toString());
        assertEquals(
                0,
                staffApi.post("api/notifications/ack", "{\"ids\": [" + lockedId + "]}")
                        .json()
                        .getInt("acked"));
        assertEquals(
                1,
                staffApi.post("api/notifications/ack", "{\"ids\": [" + hiddenId + ", " + lockedId + "]}")
                        .json()
                        .getInt("acked"));
        assertEquals("acked", api.get("api/notifications/" + hiddenId).json().getString("state"));
        assertEquals("active", api.get("api/notifications/" + lockedId).json().getString("state"));
    }

    /** The list's object filter takes any part of a full name, in any case; "whole name" only that very name. */
    @Test
    void theObjectFilterTakesAPartOfANameInAnyCase() {
        Listener listener = listener();
        String service = toldService(listener, "");
        listener.close();
        notificationOf(service);
        String part = swapCase(service.substring(service.lastIndexOf(':') + 1));
        JsonArray found =
                api.get("api/notifications?object=" + Api.encode(part)).json().getJsonArray("items");
        assertTrue(
                found.getValuesAs(JsonObject.class).stream().anyMatch(n -> service.equals(n.getString("object"))),
                part + " finds " + service + ": " + found);
        assertEquals(
                0,
                api.get("api/notifications?exact=true&object=" + Api.encode(part))
                        .json()
                        .getInt("total"));
        assertEquals(
                400, api.get("api/notifications?object=" + "x".repeat(4001)).status(), "a name too long is refused");

        Chromium b =
                browser(user("user"), PASSWORD).go("notifications.html?state=").waitReady(WITHIN);
        String row = "#notifications tr[data-object=\"" + service + "\"]";
        WebElement box = b.driver().findElement(By.name("object"));
        box.clear();
        box.sendKeys(part);
        b.click(By.id("notify-apply"), WITHIN);
        b.visible(By.cssSelector(row), WITHIN);
        b.until(WITHIN, d -> d.findElements(By.cssSelector("#notifications tr[data-object]")).stream()
                .allMatch(r -> r.getAttribute("data-object")
                        .toLowerCase(Locale.ROOT)
                        .contains(part.toLowerCase(Locale.ROOT))));
        b.screenshot("notifications-filter");
        b.click(By.name("exact"), WITHIN);
        b.click(By.id("notify-apply"), WITHIN);
        b.until(WITHIN, d -> d.findElements(By.cssSelector(row)).isEmpty());
        assertTrue(b.driver().getCurrentUrl().contains("exact=true"), b.driver().getCurrentUrl());
    }

    private static String swapCase(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints()
                .forEach(c -> b.appendCodePoint(
                        Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c)));
        return b.toString();
    }

    /** A TCP service on the listener whose changes are told by the log method; extra: more parameters as JSON. */
    private String toldService(Listener listener, String extra) {
        return created(api.post(object(host) + "/children", """
                {"kind": "Service", "type": "TCP", "parameters": [
                  {"key": "port", "value": "%d"}, {"key": "expect", "value": "^OK"},
                  {"key": "notify", "value": "log:ops"}%s]}""".formatted(listener.port(), extra)))
                .getString("fullName");
    }

    private long notificationOf(String service) {
        String path = "api/notifications?object=" + Api.encode(service);
        Eventually.await(service + " told", WITHIN, () -> api.get(path).json().getInt("total") > 0);
        return api.get(path)
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
    }

    private static int active(Api as) {
        return as.get("api/notifications?state=active&limit=1").json().getInt("total");
    }

    /** The header's count once the page knows it (the badge is hidden at 0; its number is in data-count). */
    private static int badge(Chromium b) {
        b.until(WITHIN, d -> count(d) >= 0);
        return count(b.driver());
    }

    private static int count(WebDriver d) {
        String count = d.findElement(By.id("unacked-count")).getAttribute("data-count");
        return count == null ? -1 : Integer.parseInt(count);
    }
}
