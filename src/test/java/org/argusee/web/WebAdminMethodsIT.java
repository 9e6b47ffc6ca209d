package org.argusee.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The notification methods page in a real browser: an admin adds a webhook method with a secret header, sends a test
 * that a receiver on loopback gets (and sees the receiver's refusal when it refuses), and removes it; a user sees
 * the methods without their URLs.
 */
class WebAdminMethodsIT extends WebFixture {

    private final String name = "hook_" + UUID.randomUUID().toString().substring(0, 8);
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", x -> {
            try (InputStream in = x.getRequestBody()) {
                received.add(x.getRequestHeaders().getFirst("Authorization") + " "
                        + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] body = (answer.get() == 200 ? "ok" : "no such channel").getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(answer.get(), body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        api.delete("api/notify/methods/" + name);
    }

    @Test
    void anAdminAddsAWebhookTestsItAndRemovesIt() throws InterruptedException {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        Chromium b = admin();
        b.go("admin-methods.html").waitReady(WITHIN);
        b.visible(By.cssSelector("#methods tr[data-method='mail'][data-source='builtin']"), WITHIN);

        WebElement form = b.driver().findElement(By.id("method-edit"));
        type(form, "name", name);
        new Select(form.findElement(By.name("kind"))).selectByValue("webhook");
        type(form, "command", url);
        type(form, "send", "{\"text\": \"%M\"}");
        type(form, "headers", "Authorization: Bearer hook-secret-1");
        b.click(By.id("method-save"), WITHIN);
        By row = By.cssSelector("#methods tr[data-method='" + name + "'][data-source='api']");
        b.visible(row, WITHIN);
        assertFalse(b.text().contains("hook-secret-1"), "the header is never shown again");

        b.driver()
                .findElement(row)
                .findElement(By.cssSelector("button[data-action='test']"))
                .click();
        b.click(By.id("method-test-send"), WITHIN);
        b.until(WITHIN, d -> "true"
                .equals(d.findElement(By.id("method-test-result")).getAttribute("data-sent")));
        String got = received.poll(20, TimeUnit.SECONDS);
        assertTrue(got != null && got.startsWith("Bearer hook-secret-1 "), "the receiver got the header: " + got);
        assertTrue(got.contains("TEST: the Argus notification method '" + name + "' works"), got);
        b.screenshot("admin-methods-test");

        answer.set(404);
        b.click(By.id("method-test-send"), WITHIN);
        b.until(WITHIN, d -> "false"
                .equals(d.findElement(By.id("method-test-result")).getAttribute("data-sent")));
        String refused = b.driver().findElement(By.id("method-test-result")).getText();
        assertTrue(refused.contains("HTTP 404") && refused.contains("no such channel"), refused);

        Api user = Api.anonymous(base).as(user("user"), "web-password-1");
        Api.Reply seen = user.get("api/notify/methods");
        assertEquals(200, seen.status(), seen.toString());
        assertTrue(seen.body().contains(name), "a user sees the method");
        assertFalse(seen.body().contains(url), "but not its URL: " + seen.body());
        assertEquals(
                403, user.post("api/notify/methods/" + name + "/test", "{}").status());

        b.driver()
                .findElement(row)
                .findElement(By.cssSelector("button[data-action='remove']"))
                .click();
        b.click(By.cssSelector("button[data-action='confirm-remove']"), WITHIN);
        b.until(WITHIN, d -> d.findElements(row).isEmpty());
        assertEquals(404, api.post("api/notify/methods/" + name + "/test", "{}").status());
    }

    @Test
    void theRemoveQuestionStaysWhenAnotherMethodIsSaved() {
        String other = name + "_b";
        try {
            assertEquals(
                    200,
                    api.put("api/notify/methods/" + name, "{\"kind\": \"log\"}").status());
            Chromium b = admin().go("admin-methods.html").waitReady(WITHIN);
            String row = "#methods tr[data-method='" + name + "']";
            b.click(By.cssSelector(row + " button[data-action='remove']"), WITHIN);
            b.visible(By.cssSelector(row + " button[data-action='confirm-remove']"), WITHIN);
            assertTrue(b.focused(row + " button[data-action='confirm-remove']"));

            // another method saved through the form: the table is drawn again, the question with it
            WebElement form = b.driver().findElement(By.id("method-edit"));
            type(form, "name", other);
            new Select(form.findElement(By.name("kind"))).selectByValue("log");
            b.click(By.id("method-save"), WITHIN);
            b.visible(By.cssSelector("#methods tr[data-method='" + other + "']"), WITHIN);
            assertTrue(
                    b.driver().findElement(By.cssSelector(row)).getText().contains("Remove this method?"),
                    "still asked: " + b.text());

            // Keep: the question goes, the focus is on the Remove button that asked
            b.click(By.cssSelector(row + " button[data-action='keep']"), WITHIN);
            b.until(WITHIN, d -> b.focused(row + " button[data-action='remove']"));
            assertEquals(200, api.get("api/notify/methods").status());
            assertTrue(api.get("api/notify/methods").body().contains(name), "kept");
        } finally {
            api.delete("api/notify/methods/" + other);
        }
    }

    @Test
    void aMailTestNeedsAnAddressAndNamesTheField() {
        Api.Reply reply = api.post("api/notify/methods/mail/test", "{\"to\": \"\"}");
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.body().contains("\"to\""), reply.body());
    }

    private static void type(WebElement form, String field, String text) {
        WebElement input = form.findElement(By.name(field));
        input.clear();
        input.sendKeys(text);
    }
}
