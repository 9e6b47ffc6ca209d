package org.argusee.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The jboss.server.base.dir of one extra server, {@code target/servers/<name>}: its own configuration (copied from the
 * provisioned server), deployments, data and logs. Wiped when a test creates the server and kept after it, so a
 * failed test's logs can be read.
 */
final class ServerBase {

    static final String WAR = "argus.war";
    private static final String PID_FILE = "server.pid";

    private final Path dir;

    private ServerBase(Path dir) {
        this.dir = dir;
    }

    /** A fresh base directory: configuration from {@code jbossHome/standalone}, the WAR in deployments/. */
    static ServerBase prepare(Path jbossHome, Path dir, Path war) {
        try {
            delete(dir);
            Path configuration = Files.createDirectories(dir.resolve("configuration"));
            try (Stream<Path> files = Files.list(jbossHome.resolve("standalone/configuration"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, configuration.resolve(f.getFileName()));
                }
            }
            withoutDeployments(configuration.resolve("standalone.xml"));
            Files.copy(war, Files.createDirectories(dir.resolve("deployments")).resolve(WAR));
            return new ServerBase(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the server base directory " + dir, e);
        }
    }

    Path dir() {
        return dir;
    }

    Path console() {
        return dir.resolve("console.log");
    }

    void recordPid(long pid) {
        try {
            Files.writeString(dir.resolve(PID_FILE), Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A marker left by an earlier launch must not be taken for this launch's verdict. */
    void forgetDeploymentFailure() throws IOException {
        Files.deleteIfExists(dir.resolve("deployments/" + WAR + ".failed"));
    }

    /** Why the deployment scanner gave up on the WAR, or null while it has not. */
    String deploymentFailure() {
        Path failed = dir.resolve("deployments/" + WAR + ".failed");
        try {
            return Files.exists(failed) ? Files.readString(failed) : null;
        } catch (IOException e) {
            return "(unreadable " + failed + ")";
        }
    }

    long logSize() {
        try {
            Path log = dir.resolve("log/server.log");
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** server.log from byte {@code offset} on (all of it if it is shorter: a new file, rotated at midnight). */
    String logFrom(long offset) {
        Path log = dir.resolve("log/server.log");
        try {
            if (!Files.exists(log)) {
                return "";
            }
            byte[] all = Files.readAllBytes(log);
            int from = offset <= all.length ? (int) offset : 0;
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of server.log, or of the console output when the server died before it had a log. */
    String tail(int lines) {
        Path log = dir.resolve("log/server.log");
        Path source = Files.exists(log) ? log : console();
        Deque<String> last = new ArrayDeque<>();
        try (Stream<String> all = Files.lines(source, StandardCharsets.UTF_8)) {
            // the health endpoint logs a warning at each probe that finds it DOWN: not news, and it would fill the tail
            all.filter(line -> !line.contains("WFLYMPHEALTH0003")).forEach(line -> {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return "(no log in " + source + ": " + e.getMessage() + ")";
        }
        return "--- last " + last.size() + " lines of " + source + "\n" + String.join("\n", last);
    }

    /**
     * Arquillian deploys through the management API, which writes the deployment into the provisioned server's
     * standalone.xml while its test runs; a copy taken then would name content this base does not have.
     */
    private static void withoutDeployments(Path standaloneXml) throws IOException {
        String xml = Files.readString(standaloneXml);
        Files.writeString(standaloneXml, xml.replaceAll("(?s)\\s*<deployments>.*?</deployments>", ""));
    }

    /**
     * Kills a server left by a test JVM that was itself killed (no shutdown hook ran): the PID recorded in this base,
     * if that process's command line names this base directory (so never a process that merely reused the PID).
     */
    static void killOrphan(Path dir) {
        Path pidFile = dir.resolve(PID_FILE);
        String recorded;
        try {
            recorded = Files.exists(pidFile) ? Files.readString(pidFile).trim() : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!recorded.matches("\\d+")) {
            return;
        }
        String marker = "-Djboss.server.base.dir=" + dir;
        ProcessHandle.of(Long.parseLong(recorded))
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .ifPresent(p -> {
                    p.destroyForcibly();
                    try {
                        p.onExit().get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException | TimeoutException e) {
                        throw new IllegalStateException("cannot end the orphaned server " + p.pid() + " of " + dir, e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while ending the orphaned server " + p.pid(), e);
                    }
                });
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
