package org.argusee.web;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The object page's graphs follow the service without a reload: a new value reaches the value graph, and the
 * "No forecast yet" line of a service with maxdeviation goes once its forecaster starts (its first result).
 */
class WebGraphsLiveIT extends WebFixture {

    /** The page refreshes its graphs every 10 s while shown; pushes come only with a new status. */
    private static final Duration LIVE = Duration.ofSeconds(45);

    private NumberListener numbers;

    @AfterEach
    void closeNumbers() throws IOException {
        if (numbers != null) {
            numbers.close();
        }
    }

    @Test
    void theValueGraphTakesInNewResultsKeepingFocusAndScroll() throws IOException {
        numbers = new NumberListener(10, false);
        String service = numberService("");
        Chromium b = admin();
        b.go(page(service)).waitReady(WITHIN);
        b.until(LIVE, d -> "10".equals(newestMax(d)));
        b.script("window.sameDocument = true;"
                + " document.getElementById('graph-elapsed').scrollIntoView();"
                + " document.querySelector(\"#graph-ranges button[data-range='36h']\").focus();");
        Object scrolled = b.script("return window.scrollY;");
        numbers.value = 1000;
        b.until(LIVE, d -> "1000".equals(newestMax(d)));
        assertEquals(Boolean.TRUE, b.script("return window.sameDocument === true;"), "no reload");
        assertEquals("36h", b.script("return document.activeElement.dataset.range;"), "the focus stayed on the button");
        assertEquals(scrolled, b.script("return window.scrollY;"), "the scroll position stayed");
        assertEquals(
                "true",
                b.driver()
                        .findElement(By.cssSelector("#graph-ranges button[data-range='36h']"))
                        .getAttribute("aria-pressed"));
    }

    @Test
    void noForecastYetGoesWhenTheForecasterStarts() throws IOException {
        // the listener holds each connection until released: no result, no forecaster, until then
        numbers = new NumberListener(42, true);
        String service = numberService("""
                , {"key": "timeout", "value": "1h"}, {"key": "maxdeviation.major", "value": "3"}""");
        Chromium b = admin();
        b.go(page(service)).waitReady(WITHIN);
        b.until(WITHIN, d -> note(d).contains("No forecast yet"));
        b.script("window.sameDocument = true;");
        numbers.release();
        b.until(LIVE, d -> !note(d).contains("No forecast yet") && "42".equals(newestMax(d)));
        assertEquals(Boolean.TRUE, b.script("return window.sameDocument === true;"), "no reload");
    }

    private String numberService(String moreParameters) {
        return created(api.post(object(host) + "/children", """
                {"kind": "Service", "type": "TCP", "parameters": [
                  {"key": "port", "value": "%d"}, {"key": "pluck", "value": "(\\\\d+)"}%s]}""".formatted(numbers.port(), moreParameters)))
                .getString("fullName");
    }

    private static String newestMax(WebDriver d) {
        return d.findElement(By.id("graph-value")).getAttribute("data-newest-max");
    }

    private static String note(WebDriver d) {
        return d.findElement(By.id("graph-note")).getText();
    }

    private static String page(String fullName) {
        return "object.html?name=" + Api.encode(fullName);
    }

    /** A TCP service on 127.0.0.1 that answers "OK n", n as the test sets it; held, only once released. */
    private static final class NumberListener implements AutoCloseable {

        private final ServerSocket socket;
        private final CountDownLatch released;
        volatile int value;

        NumberListener(int value, boolean held) throws IOException {
            this.value = value;
            this.released = new CountDownLatch(held ? 1 : 0);
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::serve, "graphs-live-listener");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        void release() {
            released.countDown();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept();
                        OutputStream out = s.getOutputStream()) {
                    // a deadline, not a pause: the wait ends at the release (or when the test is long over)
                    if (released.await(5, TimeUnit.MINUTES)) {
                        out.write(("OK " + value + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (IOException e) {
                    // closed by the test
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
