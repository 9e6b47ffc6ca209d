package org.argusee.web;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.Chromium;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * acl_user in a real browser: a user kept out of one group by the administrator sees neither the group, nor its
 * counts, nor its outage in the status of the groups above it, and their socket gets nothing when it changes,
 * while an administrator's session sees it all.
 */
class WebAclIT extends WebFixture {

    @Test
    void aRestrictedUserSeesNoTraceOfTheGroup() {
        String secret = group + ":secret_servers";
        created(api.post(object(group) + "/children", """
                {"kind": "Group", "name": "secret_servers", "parameters": [
                  {"key": "acl_user", "value": "-ALL staff root"}]}"""));
        Listener hiddenListener = listener();
        String hidden = created(api.post(object(secret) + "/children", """
                {"kind": "Service", "type": "TCP", "parameters": [{"key": "hostname", "value": "127.0.0.1"},
                  {"key": "port", "value": "%d"}, {"key": "expect", "value": "^OK"}]}""".formatted(hiddenListener.port())))
                .getString("fullName");
        Listener openListener = listener();
        String open = service(openListener);
        awaitShown(hidden, "up");
        awaitShown(open, "up");

        String reader = user("user");
        Chromium page = browser(reader, "web-password-1").waitReady(WITHIN);
        Chromium adminPage = admin().waitReady(WITHIN);
        expand(page, group);
        expand(adminPage, group);
        adminPage.visible(row("tree", secret), WITHIN);
        page.visible(row("tree", host), WITHIN);
        assertEquals(List.of(), page.driver().findElements(row("tree", secret)), "no secret group for the user");

        Browser userSession = new Browser(base);
        assertEquals(303, userSession.login(reader, "web-password-1").statusCode());
        Browser adminSession = new Browser(base);
        adminSession.login(Api.ADMIN, Api.ADMIN_PASSWORD);
        try (LiveClient userLive = LiveClient.open(userSession);
                LiveClient adminLive = LiveClient.open(adminSession)) {
            userLive.hello();
            adminLive.hello();

            hiddenListener.close();
            adminLive.awaitStatus(hidden, "down", WITHIN);
            JsonObject adminGroup = adminLive.awaitStatus(group, "down", WITHIN).getJsonObject("row");
            assertEquals(1, adminGroup.getJsonObject("counts").getInt("down"), adminGroup.toString());
            adminPage.until(WITHIN, d -> "down".equals(statusOf(adminPage, "tree", group)));
            adminPage.until(WITHIN, d -> "down".equals(statusOf(adminPage, "tree", secret)));

            // the user's page: the group still up, with no down count, and the outage not among the problems
            assertEquals("up", statusOf(page, "tree", group));
            assertTrue(
                    page.driver()
                            .findElements(By.cssSelector(rowCss("tree", group) + " > .row [data-count=down]"))
                            .isEmpty(),
                    "no down count in the user's row of " + group);
            assertEquals(null, statusOf(page, "problems", group));
            JsonObject asUser = Browser.json(userSession.get("api/status/" + Api.encode(group)));
            assertEquals("up", asUser.getString("displayStatus"), asUser.toString());
            // the summary's counts: the user's leave out exactly the hidden service (others may change meanwhile)
            Eventually.await("the user's counts are the administrator's without the hidden service", WITHIN, () -> {
                JsonObject mine =
                        Browser.json(userSession.get("api/dashboard/summary")).getJsonObject("counts");
                JsonObject all =
                        Browser.json(adminSession.get("api/dashboard/summary")).getJsonObject("counts");
                return total(all) - total(mine) == 1 && all.getInt("down") - mine.getInt("down") == 1;
            });
            String problems = userSession.get("api/status?limit=1000").body();
            assertTrue(!problems.contains("\"" + group + "\""), "not among the user's problems: " + problems);
            page.script(
                    "arguments[0].scrollIntoView({block: 'center'});",
                    page.driver().findElement(row("tree", group)));
            page.screenshot("dashboard-acl-user");

            // the groups above a change are pushed within half a second (coalesced): nothing of it reaches the user
            Eventually.holds(
                    "the hidden outage pushes nothing to the user, not even the groups above it",
                    Duration.ofMillis(1500),
                    () -> userLive.messages().stream()
                            .noneMatch(m -> m.toString().contains(group) || LiveClient.isStatus(m, "Top")));

            // something the user may see changes: its pushes come, with the group as the user sees it
            openListener.close();
            userLive.awaitStatus(open, "down", WITHIN);
            JsonObject userGroup = userLive.awaitStatus(group, "down", WITHIN).getJsonObject("row");
            assertEquals(1, userGroup.getJsonObject("counts").getInt("down"), userGroup.toString());
            assertEquals("1 of 1 down", userGroup.getString("reason"), "the hidden half is not in the reason");
            assertTrue(
                    userLive.messages().stream().noneMatch(m -> m.toString().contains("secret_servers")),
                    userLive.messages().toString());
            page.until(WITHIN, d -> "down".equals(statusOf(page, "problems", open)));
            page.until(WITHIN, d -> d.findElement(By.cssSelector(rowCss("tree", group) + " > .row [data-count=down]"))
                    .getText()
                    .endsWith("1 down"));
        }
    }

    private static int total(JsonObject counts) {
        return counts.values().stream()
                .mapToInt(v -> ((JsonNumber) v).intValue())
                .sum();
    }

    private void awaitShown(String fullName, String shown) {
        Eventually.await(
                fullName + " shows " + shown,
                WITHIN,
                () -> shown.equals(
                        api.get("api/status/" + Api.encode(fullName)).json().getString("displayStatus")));
    }
}
