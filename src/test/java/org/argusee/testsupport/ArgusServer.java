package org.argusee.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * One Argus server in a WildFly process of its own, made by {@link ArgusServers#create}: its own port offset, base
 * directory and database, the real WAR. Settings ({@link #property}, {@link #secret}) apply from the next start;
 * {@link #kill}, {@link #hang}, {@link #stop} and a new {@link #start} keep the base directory and the database,
 * so a restarted server has its data.
 */
public final class ArgusServer {

    private static final Logger LOG = Logger.getLogger(ArgusServer.class.getName());
    /** As long as Arquillian gives its server; argus.test.servers.startup-timeout (seconds) for a slower machine. */
    public static final Duration STARTUP_TIMEOUT =
            Duration.ofSeconds(Long.getLong("argus.test.servers.startup-timeout", 180));

    private final String name;
    private final int portOffset;
    private final Path jbossHome;
    private final ServerBase base;
    private final ServerDatabase database;
    private final ServerSettings settings = new ServerSettings();
    private WildFlyProcess process;
    private Instant launchedAt;
    private Duration bootTime;
    private Duration bootCpu;

    ArgusServer(String name, int portOffset, Path jbossHome, ServerBase base, ServerDatabase database) {
        this.name = name;
        this.portOffset = portOffset;
        this.jbossHome = jbossHome;
        this.base = base;
        this.database = database;
        property("argus.darp.tag", name);
        secret("argus.bootstrap.admin-password", Api.ADMIN_PASSWORD);
    }

    /** A MicroProfile Config setting passed as a system property (argus.darp.tag, argus.darp.master.url, ...). */
    public ArgusServer property(String key, String value) {
        settings.property(key, value);
        return this;
    }

    /** A setting kept off the command line (ps shows that), as the environment variable MicroProfile Config reads. */
    public ArgusServer secret(String key, String value) {
        settings.secret(key, value);
        return this;
    }

    /** Starts the server and waits until it is ready; fails with the log's tail if it is not within the timeout. */
    public ArgusServer start() {
        launch();
        awaitReady(STARTUP_TIMEOUT);
        return this;
    }

    /** Starts the process without waiting: {@link ArgusServers#startAll} boots several at once this way. */
    public void launch() {
        if (running()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        launchedAt = Instant.now();
        bootTime = null;
        bootCpu = null;
        process = WildFlyProcess.launch(
                jbossHome, base, settings.javaOptions(portOffset), settings.environment(database));
    }

    /** Waits for readiness (health on the management port, with the application's database check UP). */
    public Duration awaitReady(Duration within) {
        if (process == null) {
            throw new IllegalStateException(name + " was never launched");
        }
        new Readiness(this, base).await(process, launchedAt.plus(within));
        bootTime = Duration.between(launchedAt, Instant.now());
        bootCpu = process.cpuTime();
        LOG.info(() -> name + " ready in " + bootTime.toMillis() + " ms, " + bootCpu.toMillis() + " ms CPU (pid "
                + process.pid() + ", offset " + portOffset + ")");
        return bootTime;
    }

    /** Graceful shutdown (SIGTERM), SIGKILL after 60 s. */
    public void stop() {
        if (running()) {
            process.stop(Duration.ofSeconds(60));
        }
    }

    /** SIGKILL: gone at once, without shutting down. */
    public void kill() {
        if (running()) {
            process.kill();
        }
    }

    /** SIGSTOP: the process stays, its ports accept connections, nothing answers until {@link #resume}. */
    public void hang() {
        requireRunning().hang();
    }

    /** SIGCONT after {@link #hang}. */
    public void resume() {
        requireRunning().resume();
    }

    /** Graceful stop, then start with the same base directory and database. */
    public ArgusServer restart() {
        stop();
        return start();
    }

    public boolean running() {
        return process != null && process.alive();
    }

    public boolean hung() {
        return process != null && process.hung();
    }

    /** Whether the server gives any HTTP answer within {@code timeout} (a hung or dead one does not). */
    public boolean respondsWithin(Duration timeout) {
        return answers(url(), timeout);
    }

    /** Whether an Argus server at {@code root} (say behind a {@link Relay}) answers HTTP within the timeout. */
    public static boolean answers(URL root, Duration timeout) {
        return Readiness.answers(root, timeout);
    }

    public String name() {
        return name;
    }

    public int portOffset() {
        return portOffset;
    }

    public long pid() {
        return requireRunning().pid();
    }

    /** How long the last start took from launch to ready, or null before it was ready. */
    public Duration bootTime() {
        return bootTime;
    }

    /** The CPU time the server's JVM had used when it was ready: the boot's cost, whatever the machine's load. */
    public Duration bootCpu() {
        return bootCpu;
    }

    /** The application's root URL, http://127.0.0.1:(8080 + offset)/. */
    public URL url() {
        return url(8080 + portOffset);
    }

    /** The management interface (health, metrics), http://127.0.0.1:(9990 + offset)/. */
    public URL managementUrl() {
        return url(9990 + portOffset);
    }

    /** The REST API as the bootstrap admin. */
    public Api api() {
        return Api.admin(url());
    }

    public Api anonymousApi() {
        return Api.anonymous(url());
    }

    public ServerDatabase database() {
        return database;
    }

    public Path baseDir() {
        return base.dir();
    }

    /**
     * The server's jboss.server.data.dir ({@code target/servers/<name>/data}), which a {@code Prog} command sees as
     * {@code $ARGUS_DATA}: a test makes a target reachable from this server only by creating a file there that the
     * command tests ({@code test -e "$ARGUS_DATA/reach-x"}).
     */
    public Path dataDir() {
        return base.dir().resolve("data");
    }

    /** Creates ({@code present}) or removes the file {@code name} in {@link #dataDir()}. */
    public void dataFile(String name, boolean present) {
        Path file = dataDir().resolve(name);
        try {
            if (present) {
                Files.createDirectories(file.getParent());
                if (!Files.exists(file)) {
                    Files.createFile(file);
                }
            } else {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot " + (present ? "create " : "remove ") + file + " of server " + this.name, e);
        }
    }

    public String logTail(int lines) {
        return base.tail(lines);
    }

    /** Where server.log ends now: {@link #logSince} that, and only what the server logged from now on is read. */
    public long logMark() {
        return base.logSize();
    }

    /**
     * What server.log holds from {@code mark} ({@link #logMark}) on: for a server shared by several classes, the
     * lines of one drill, not those an earlier class's drill wrote.
     */
    public String logSince(long mark) {
        return base.logFrom(mark);
    }

    @Override
    public String toString() {
        return name + " (offset " + portOffset + ", " + (running() ? "pid " + process.pid() : "not running") + ")";
    }

    private WildFlyProcess requireRunning() {
        if (!running()) {
            throw new IllegalStateException(name + " is not running");
        }
        return process;
    }

    private static URL url(int port) {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
