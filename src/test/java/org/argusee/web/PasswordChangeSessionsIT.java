package org.argusee.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.argusee.testsupport.Api;
import org.junit.jupiter.api.Test;

/**
 * A changed password ends the sessions opened with the old one, so a reset locks out whoever held an old session (a
 * laptop left logged in, a stolen cookie). The session that changed its own password keeps going.
 */
class PasswordChangeSessionsIT extends WebFixture {

    @Test
    void anAdministratorsResetEndsEverySessionOfThatUser() {
        String carol = user("staff");
        Browser laptop = loggedIn(carol, "web-password-1");
        Browser phone = loggedIn(carol, "web-password-1");
        Browser admin = loggedIn(Api.ADMIN, Api.ADMIN_PASSWORD);

        var reset = admin.send("PUT", "api/users/" + carol, """
                {"password": "web-password-2"}""", admin.csrfToken(), null);
        assertEquals(200, reset.statusCode(), reset.body());

        assertEquals(401, laptop.get("api/session").statusCode(), "the old session ends");
        assertEquals(401, phone.get("api/session").statusCode(), "every old session ends");
        assertEquals(200, admin.get("api/session").statusCode(), "the administrator's own session goes on");
        Browser stale = new Browser(base);
        stale.login(carol, "web-password-1");
        assertEquals(401, stale.get("api/session").statusCode(), "the old password no longer logs in");
        assertEquals(200, loggedIn(carol, "web-password-2").get("api/session").statusCode());
    }

    @Test
    void changingYourOwnPasswordEndsYourOtherSessionsOnly() {
        String dave = user("user");
        Browser here = loggedIn(dave, "web-password-1");
        Browser elsewhere = loggedIn(dave, "web-password-1");

        var change = here.send("PUT", "api/users/me/password", """
                {"oldPassword": "web-password-1", "newPassword": "web-password-3"}""", here.csrfToken(), null);
        assertEquals(204, change.statusCode(), change.body());

        assertEquals(200, here.get("api/session").statusCode(), "the session that made the change stays");
        assertEquals(401, elsewhere.get("api/session").statusCode(), "the other session ends");
    }

    /** A form login that succeeded; the answer of /api/session proves it. */
    private Browser loggedIn(String user, String password) {
        Browser browser = new Browser(base);
        assertEquals(303, browser.login(user, password).statusCode());
        assertEquals(200, browser.get("api/session").statusCode(), "logged in as " + user);
        return browser;
    }
}
