package org.argusee.bench;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.argusee.testsupport.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's first load at scale in headless Debian chromium (issue 12): imports N TCP services under a fresh
 * group (groups of 100 hosts of 10 services, as bench/config-import.sh makes them; hostnames on 127.3.x.y where
 * nothing listens, frequency 1 h, so the tree is mostly unknown while measured and the probes add little load),
 * logs in through the form, then loads the dashboard several times: time from the navigation's start to the page
 * saying it has drawn the summary and the tree's first level (body[data-ready], noted by a MutationObserver
 * installed before the page's own scripts); then opens the bench group (its 1,000 subgroups at 100,000 services).
 * Deletes its group at the end.
 *
 * <p>Usage: {@code DashboardLoadBench services loads}; env as {@link BenchServer}.
 */
public final class DashboardLoadBench {

    private static final String READY_OBSERVER = "new MutationObserver((m, o) => {"
            + " if (document.body && document.body.dataset.ready === 'true') {"
            + " window.__argusReadyAt = performance.now(); o.disconnect(); } })"
            + ".observe(document, {attributes: true, subtree: true, attributeFilter: ['data-ready']});";
    private static final String TIMINGS = "const n = performance.getEntriesByType('navigation')[0];"
            + " return [window.__argusReadyAt, n.responseEnd, n.domContentLoadedEventEnd,"
            + " performance.getEntriesByType('resource').filter(e => e.name.includes('/api/dashboard/'))"
            + ".map(e => e.name.replace(/^.*\\/api\\/dashboard\\//, '') + ' ' + Math.round(e.duration) + ' ms')"
            + ".join(', '), document.querySelectorAll('#tree > li').length,"
            + " document.querySelectorAll('#problems > li').length];";

    /** Hosts per import request (10 services each). */
    private static final int CHUNK_HOSTS = 1000;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final BenchServer server = new BenchServer();

    public static void main(String[] args) throws Exception {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int loads = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        new DashboardLoadBench().run(services, loads);
    }

    private void run(int services, int loads) throws Exception {
        String root = "bench_dash_" + ProcessHandle.current().pid();
        server.request(
                "POST",
                "/api/objects/Top/children",
                "application/json",
                "{\"kind\":\"Group\",\"name\":\"" + root + "\"}");
        try (Chromium b = Chromium.open(URI.create(server.url + "/").toURL())) {
            long importStart = System.nanoTime();
            // in parts of 10,000 services (merged), each its own transaction: on a loaded machine one import of
            // 100,000 ran into the server's 300 s transaction timeout (twice)
            int hosts = Math.max(1, services / 10);
            for (int from = 0; from < hosts; from += CHUNK_HOSTS) {
                server.request(
                        "POST",
                        "/api/config/import?mode=merge&root=" + BenchServer.encode("Top:" + root),
                        "text/plain",
                        config(from, Math.min(hosts, from + CHUNK_HOSTS)));
            }
            out.printf("imported %d services in %.1f s%n", services, (System.nanoTime() - importStart) / 1e9);
            b.login(server.user, server.password);
            ((ChromeDriver) b.driver())
                    .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", READY_OBSERVER));
            List<Double> ready = new ArrayList<>();
            for (int i = 1; i <= loads; i++) {
                b.go("");
                new WebDriverWait(b.driver(), Duration.ofSeconds(120), Duration.ofMillis(10))
                        .until(d -> b.script("return window.__argusReadyAt") != null);
                List<?> t = (List<?>) b.script(TIMINGS);
                ready.add(((Number) t.get(0)).doubleValue());
                out.printf(
                        "load %d: usable (summary and first tree level drawn) %.0f ms after the navigation's start; "
                                + "HTML %.0f ms, DOMContentLoaded %.0f ms; %s; %s tree rows, %s problem rows%n",
                        i,
                        ((Number) t.get(0)).doubleValue(),
                        ((Number) t.get(1)).doubleValue(),
                        ((Number) t.get(2)).doubleValue(),
                        t.get(3),
                        t.get(4),
                        t.get(5));
            }
            b.screenshot("dashboard-" + services);
            out.printf(
                    "usable: first load %.0f ms; loads 2-%d %s%n",
                    ready.get(0), loads, Figures.millis(ready.subList(Math.min(1, ready.size()), ready.size())));
            openGroup(b, "Top:" + root, (Math.max(1, services / 10) + 99) / 100);
        } finally {
            server.deleteGroup("Top:" + root);
        }
    }

    /** Opens the group in the tree and times until its {@code children} are drawn. */
    private void openGroup(Chromium b, String fullName, int children) {
        String row = "#tree li[data-full-name=\"" + fullName + "\"]";
        long start = System.nanoTime();
        b.click(By.cssSelector(row + " > .row > button.toggle"), Duration.ofSeconds(30));
        Number drawn = b.until(Duration.ofSeconds(120), d -> {
            Object n = b.script("return document.querySelectorAll(arguments[0]).length", row + " li");
            return ((Number) n).intValue() >= children ? (Number) n : null;
        });
        out.printf(
                "opening %s: %d rows drawn %.0f ms after the click%n",
                fullName, drawn.intValue(), (System.nanoTime() - start) / 1e6);
    }

    /** Hosts {@code from} (a multiple of 100) to {@code to}, 100 to a group "site", 10 services each. */
    private static String config(int from, int to) {
        StringBuilder sb = new StringBuilder("frequency: 3600\n");
        for (int h = from; h < to; h++) {
            if (h % 100 == 0) {
                sb.append(h > from ? "}\n" : "")
                        .append("Group \"site")
                        .append(h / 100)
                        .append("\" {\n");
            }
            sb.append("\tHost \"h")
                    .append(h)
                    .append("\" {\n\t\thostname: 127.3.")
                    .append(h / 250)
                    .append('.')
                    .append(h % 250 + 1)
                    .append('\n');
            for (int s = 0; s < 10; s++) {
                sb.append("\t\tService TCP {\n\t\t\tport: ").append(1000 + s).append("\n\t\t}\n");
            }
            sb.append("\t}\n");
        }
        return sb.append("}\n").toString();
    }
}
