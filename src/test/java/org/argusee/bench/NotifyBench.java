package org.argusee.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.ArgusServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The notification storm of issue 14: N TCP services (one listener on loopback, {@code frequency} s, no retries)
 * under a group with {@code notify} to two mail destinations, a GreenMail SMTP server on loopback; the listener is
 * closed and the benchmark measures the time from the first transition to the first mail, the messages each
 * destination got (merged by the queue time), the notification and delivery rows per second, the database's
 * transactions per second during the storm, and the probing lag before and during it. Named *Bench, so failsafe
 * runs it only when asked ({@code bench/notify-bench.sh}); settings {@code argus.bench.*}.
 */
class NotifyBench {

    private static final String GROUP = "Top:notifybench";
    private static final String[] TO = {"bench-a@localhost", "bench-b@localhost"};

    @RegisterExtension
    final ArgusServers servers = new ArgusServers();

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final int services = Integer.getInteger("argus.bench.services", 2000);
    private final int frequency = Integer.getInteger("argus.bench.frequency", 10);
    private final int qtime = Integer.getInteger("argus.bench.qtime", 30);

    @Test
    void storm() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        ServerSocket listener = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> serve(listener), "notify-bench-listener");
        acceptor.setDaemon(true);
        acceptor.start();
        try {
            ArgusServer server = servers.create("notifybench")
                    .property("argus.smtp.port", Integer.toString(smtp.getSmtp().getPort()))
                    .property("argus.notify.qtime", Integer.toString(qtime));
            server.start();
            Instant imported = Instant.now();
            var reply = server.api()
                    .send("POST", "api/config/import?root=Top", config(listener.getLocalPort()), "text/plain");
            assertEquals(200, reply.status(), reply.toString());
            await(
                    "all " + services + " up",
                    Duration.ofMinutes(5),
                    () -> number(
                                    server,
                                    "select count(*) from argus.object_status s join argus.object_full_name f"
                                            + " on f.id = s.object_id where f.kind = 'Service' and f.full_name like ?"
                                            + " and s.status = 'up'",
                                    GROUP + ":%")
                            == services);
            out.printf("%d services imported and up in %d s%n", services, secondsSince(imported));
            Map<String, Double> m0 = Figures.scrape(server.api());
            long xacts0 = number(server, "select xact_commit from pg_stat_database where datname = current_database()");
            Instant closed = Instant.now();
            listener.close();
            await("the first mail", Duration.ofMinutes(5), () -> smtp.getReceivedMessages().length > 0);
            Instant firstMail = Instant.now();
            await(
                    "every delivery sent",
                    Duration.ofMinutes(10),
                    () -> number(server, "select count(*) from argus.notification_delivery where state = 'sent'")
                            == 2L * services);
            Instant allSent = Instant.now();
            Map<String, Double> m1 = Figures.scrape(server.api());
            long xacts1 = number(server, "select xact_commit from pg_stat_database where datname = current_database()");
            report(server, smtp, closed, firstMail, allSent, xacts1 - xacts0, m0, m1);
        } finally {
            if (!listener.isClosed()) {
                listener.close();
            }
            smtp.stop();
        }
    }

    private void report(
            ArgusServer server,
            GreenMail smtp,
            Instant closed,
            Instant firstMail,
            Instant allSent,
            long xacts,
            Map<String, Double> m0,
            Map<String, Double> m1)
            throws IOException {
        Instant firstTransition = instant(server, "select min(transition_at) from argus.notification");
        Instant lastCreated = instant(server, "select max(created_at) from argus.notification");
        Instant firstCreated = instant(server, "select min(created_at) from argus.notification");
        long notifications = number(server, "select count(*) from argus.notification");
        Map<String, Integer> perDestination = new TreeMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            for (String to : TO) {
                if (recipients(m).contains(to)) {
                    perDestination.merge(to, 1, Integer::sum);
                }
            }
        }
        double storm = Math.max(1, Duration.between(closed, allSent).toMillis()) / 1000.0;
        double creating =
                Math.max(1, Duration.between(firstCreated, lastCreated).toMillis()) / 1000.0;
        StringBuilder r = new StringBuilder();
        r.append(String.format(
                "services %d, frequency %d s, queue time %d s, destinations %d%n",
                services, frequency, qtime, TO.length));
        r.append(String.format(
                "listener closed -> first transition %d ms; first transition -> first mail %d ms%n",
                Duration.between(closed, firstTransition).toMillis(),
                Duration.between(firstTransition, firstMail).toMillis()));
        r.append(String.format(
                "notifications %d, created over %.1f s (%.0f notifications/s, %.0f rows/s with" + " deliveries)%n",
                notifications, creating, notifications / creating, notifications * (1 + TO.length) / creating));
        r.append(String.format("mails per destination %s (for %d transitions each)%n", perDestination, services));
        r.append(String.format(
                "all %d deliveries sent %.1f s after the close; database %d commits (%.0f/s)%n",
                2 * services, storm, xacts, xacts / storm));
        r.append("probing lag before: ")
                .append(Figures.histogram(Map.of(), m0, "argus_probe_lag_seconds"))
                .append(System.lineSeparator());
        r.append("probing lag during the storm: ")
                .append(Figures.histogram(m0, m1, "argus_probe_lag_seconds"))
                .append(System.lineSeparator());
        out.print(r);
        Files.writeString(Path.of("target", "notify-bench.txt"), r.toString());
    }

    private String config(int port) {
        StringBuilder sb = new StringBuilder("Group \"notifybench\" {\n\tfrequency: ")
                .append(frequency)
                .append("\n\tretries: 0\n\ttimeout: 5\n\tnotify: mail:")
                .append(TO[0])
                .append(" mail:")
                .append(TO[1])
                .append('\n');
        int perHost = 100;
        for (int h = 0; h * perHost < services; h++) {
            sb.append("\tHost \"h").append(h).append("\" {\n\t\thostname: 127.0.0.1\n");
            for (int i = h * perHost; i < Math.min(services, (h + 1) * perHost); i++) {
                sb.append("\t\tService TCP {\n\t\t\tport: ")
                        .append(port)
                        .append("\n\t\t\tuname: s")
                        .append(i)
                        .append("\n\t\t}\n");
            }
            sb.append("\t}\n");
        }
        return sb.append("}\n").toString();
    }

    private static void serve(ServerSocket s) {
        while (!s.isClosed()) {
            try (Socket c = s.accept();
                    OutputStream o = c.getOutputStream()) {
                o.write("OK\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // closed by the benchmark, or the prober hung up first
            }
        }
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long number(ArgusServer server, String query, Object... values) {
        try (Connection c = server.database().connect();
                PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    private static Instant instant(ArgusServer server, String query) {
        try (Connection c = server.database().connect();
                PreparedStatement s = c.prepareStatement(query);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + within.toSeconds() + " s: " + what);
            }
            Thread.sleep(200);
        }
    }

    private static long secondsSince(Instant start) {
        return Duration.between(start, Instant.now()).toSeconds();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
