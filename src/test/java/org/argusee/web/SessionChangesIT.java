package org.argusee.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import java.util.List;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An administrator's change of a user applies to the sessions that user has open at their next request: other
 * roles (a staff member made a user can no longer override), disabled or removed (the session's login ends); their
 * live sockets close so the page checks its session again, and draws itself again for the new roles.
 */
class SessionChangesIT extends WebFixture {

    @Test
    void aRoleChangeAppliesAtTheNextRequestOfAnOpenSession() {
        String alice = user("staff");
        Browser session = new Browser(base);
        assertEquals(303, session.login(alice, "web-password-1").statusCode());
        String override = "api/status/" + Api.encode(group) + "/override";
        assertEquals(200, override(session, override).statusCode(), "staff may override");
        assertEquals(
                204,
                session.send("DELETE", override, null, session.csrfToken(), null)
                        .statusCode());
        try (LiveClient live = LiveClient.open(session)) {
            live.hello();

            Api.Reply changed = api.put("api/users/" + alice, """
                    {"roles": ["user"]}""");
            assertEquals(200, changed.status(), changed.toString());
            var refused = override(session, override);
            assertEquals(403, refused.statusCode(), refused.body());
            assertEquals(
                    List.of(Json.createValue("user")),
                    Browser.json(session.get("api/session")).getJsonArray("roles"),
                    "the session holds the new roles");
            assertEquals(1008, live.closeCode(), "the socket closes, so the page reconnects as who she is now");
        }

        assertEquals(200, api.put("api/users/" + alice, """
                {"enabled": false}""").status());
        assertEquals(401, session.get("api/session").statusCode(), "disabled: the session's login ends");
    }

    @Test
    void anOpenPageDropsTheButtonsOfARoleTheUserNoLongerHas() {
        String carol = user("staff");
        Chromium page = browser(carol, "web-password-1").go("object.html?name=" + Api.encode(group));
        page.visible(By.id("check-now"), WITHIN);
        page.script("document.body.dataset.before = 'reload';");

        Api.Reply changed = api.put("api/users/" + carol, """
                {"roles": ["user"]}""");
        assertEquals(200, changed.status(), changed.toString());
        page.until(
                WITHIN,
                d -> page.script("return document.body.dataset.before") == null
                        && "true".equals(page.script("return document.body.dataset.ready || null")));
        assertFalse(
                page.driver().findElement(By.id("actions")).isDisplayed(),
                "no check now, override or annotate for a user, without a reload by hand");
    }

    @Test
    void aRemovedUserLosesTheSessionAtTheNextRequest() {
        String bob = user("user");
        Browser session = new Browser(base);
        assertEquals(303, session.login(bob, "web-password-1").statusCode());
        assertEquals(200, session.get("api/dashboard/summary").statusCode());
        assertEquals(204, api.delete("api/users/" + bob).status());
        assertEquals(401, session.get("api/dashboard/summary").statusCode());
    }

    private static java.net.http.HttpResponse<String> override(Browser session, String path) {
        return session.send("PUT", path, """
                {"text": "changing the disks"}""", session.csrfToken(), null);
    }
}
