package org.argusee.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits for an extra server to be ready: its management port's health/ready answers 200 with the application's
 * own "database" check in it (so the WAR is deployed and Flyway has run, not just WildFly up). Gives up at once
 * when the process exits or the deployment scanner marks the WAR failed, and reports the log's tail.
 */
final class Readiness {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final int TAIL_LINES = 80;

    private final ArgusServer server;
    private final ServerBase base;

    Readiness(ArgusServer server, ServerBase base) {
        this.server = server;
        this.base = base;
    }

    void await(WildFlyProcess process, Instant deadline) {
        URI health = uri(server.managementUrl()).resolve("health/ready");
        String last = "no answer yet";
        while (true) {
            if (!process.alive()) {
                throw failure("exited with code " + process.exitCode() + " while starting");
            }
            String failed = base.deploymentFailure();
            if (failed != null) {
                process.kill();
                throw failure("the deployment of " + ServerBase.WAR + " failed: " + failed);
            }
            Optional<HttpResponse<String>> reply = get(health, PROBE_TIMEOUT);
            if (reply.filter(r -> r.statusCode() == 200 && r.body().contains("\"database\""))
                    .isPresent()) {
                return;
            }
            last = reply.map(r -> "HTTP " + r.statusCode() + " " + r.body()).orElse("no answer");
            if (Instant.now().isAfter(deadline)) {
                process.kill();
                throw failure("not ready by the deadline (" + health + " last said: " + last + ")");
            }
            pause();
        }
    }

    /** Any HTTP answer from the application's port within the timeout; none from a hung or dead server. */
    static boolean answers(URL root, Duration timeout) {
        return get(uri(root).resolve("api/server"), timeout).isPresent();
    }

    private static Optional<HttpResponse<String>> get(URI uri, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + uri, e);
        }
    }

    private IllegalStateException failure(String why) {
        return new IllegalStateException(
                "server " + server.name() + " in " + base.dir() + ": " + why + "\n" + base.tail(TAIL_LINES));
    }

    /**
     * Between two probes of a server that is still booting; the deadline, not this, bounds the wait. Short: a run
     * has some 30 boots and restarts, each waiting half of this on average past its readiness; a probe of a server
     * that is not ready yet costs it a refused connection or a small answer.
     */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }
}
