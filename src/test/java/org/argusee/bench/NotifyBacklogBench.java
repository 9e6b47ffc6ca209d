package org.argusee.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.PrintStream;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.ArgusServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A backlog to one destination: k messages due at once to one mail address (a mail server back after an outage,
 * the built-in mail method with a queue time of 0, so each is a message of its own), GreenMail SMTP on loopback.
 * Measures the time to drain it and what the database did meanwhile: its busy time ({@code active_time}), the rows
 * read from the outbox (sequential and by index), the whole database's rows returned and fetched, the WAL written.
 * The rows are written with SQL (notifications acknowledged as up messages are, so no rule acts on them), failed
 * before and due now. Named *Bench, so failsafe runs it only when asked ({@code bench/notify-backlog.sh}); the
 * sizes in {@code argus.bench.backlog} (comma-separated, default 1000,5000), each to a destination of its own.
 */
class NotifyBacklogBench {

    private static final String INSERT = "with n as (insert into argus.notification"
            + " (object_name, transition_at, status, severity, message, state, acked_by, acked_at)"
            + " select 'Top:backlog:s' || g, now() - interval '1 hour' + g * interval '1 ms', 'up', 'clear',"
            + " 'backlog message ' || g, 'acked', 'auto-ack', now() from generate_series(1, ?) g returning id)"
            + " insert into argus.notification_delivery"
            + " (notification_id, destination, method, address, state, attempts, last_error, next_attempt)"
            + " select id, ?, 'mail', ?, 'failed', 1, 'bench: the mail server was away', now() from n order by id";
    private static final String COUNTERS = "select d.xact_commit, d.tup_returned, d.tup_fetched, d.active_time,"
            + " t.seq_scan, t.seq_tup_read, coalesce(t.idx_scan, 0), coalesce(t.idx_tup_fetch, 0),"
            + " (select wal_bytes from pg_stat_wal)"
            + " from pg_stat_database d, pg_stat_user_tables t"
            + " where d.datname = current_database() and t.schemaname = 'argus' and t.relname = 'notification_delivery'";
    private static final List<String> NAMES = List.of(
            "commits",
            "rows returned (db)",
            "rows fetched (db)",
            "busy ms (db)",
            "outbox seq scans",
            "outbox rows read seq",
            "outbox index scans",
            "outbox rows fetched by index",
            "WAL bytes");

    @RegisterExtension
    final ArgusServers servers = new ArgusServers();

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final List<Integer> sizes = Arrays.stream(
                    System.getProperty("argus.bench.backlog", "1000,5000").split(","))
            .map(String::strip)
            .map(Integer::valueOf)
            .toList();

    @Test
    void backlog() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(NotifyBench.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            ArgusServer server = servers.create("notifybacklog")
                    .property("argus.smtp.port", Integer.toString(smtp.getSmtp().getPort()))
                    .property("argus.notify.qtime", "0");
            server.start();
            StringBuilder r = new StringBuilder();
            int received = 0;
            for (int k : sizes) {
                r.append(drain(server, smtp, k, received));
                received += k;
            }
            out.print(r);
            Files.writeString(Path.of("target", "notify-backlog.txt"), r.toString());
        } finally {
            smtp.stop();
        }
    }

    private String drain(ArgusServer server, GreenMail smtp, int k, int receivedBefore) throws Exception {
        String address = "backlog-" + k + "@localhost";
        String destination = "mail:" + address;
        long[] before = settled(server);
        Instant queued = Instant.now();
        try (Connection c = server.database().connect();
                PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setInt(1, k);
            s.setString(2, destination);
            s.setString(3, address);
            assertEquals(k, s.executeUpdate());
        }
        // GreenMail is watched, not the outbox: a poll of the outbox every 200 ms would be counted among the rows
        // the sender read (it was, in the first runs: 155,000 of the 1,000 backlog's reads were the bench's own)
        NotifyBench.await(
                k + " mails in GreenMail",
                Duration.ofMinutes(40),
                () -> smtp.getReceivedMessages().length >= receivedBefore + k);
        NotifyBench.await(
                k + " deliveries to " + destination + " marked sent",
                Duration.ofMinutes(2),
                () -> number(
                                server,
                                "select count(*) from argus.notification_delivery where destination = ?"
                                        + " and state = 'sent'",
                                destination)
                        == k);
        Instant drained = Instant.now();
        long sentSpan = number(
                server,
                "select (extract(epoch from max(sent_at) - min(sent_at)) * 1000)::bigint"
                        + " from argus.notification_delivery where destination = ?",
                destination);
        long[] after = settled(server);
        double seconds = Duration.between(queued, drained).toMillis() / 1000.0;
        StringBuilder r = new StringBuilder(String.format(
                "backlog %d to %s: drained %.1f s after the insert (first to last sent_at %.1f s, %.0f messages/s)%n",
                k, destination, seconds, sentSpan / 1000.0, k / Math.max(0.001, sentSpan / 1000.0)));
        Map<String, Long> delta = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            delta.put(NAMES.get(i), after[i] - before[i]);
        }
        delta.forEach((name, value) -> r.append(String.format("  %-30s %,d%n", name, value)));
        r.append(String.format(
                "  per message: %.1f outbox rows read, %.2f ms busy, %,.0f WAL bytes%n",
                (delta.get(NAMES.get(5)) + delta.get(NAMES.get(7))) / (double) k,
                delta.get(NAMES.get(3)) / (double) k,
                delta.get(NAMES.get(8)) / (double) k));
        return r.toString();
    }

    /**
     * The statistics counters once they stopped moving: a backend reports its counts when idle, at most once a
     * second, so a read right after the drain would miss the last second's.
     */
    private static long[] settled(ArgusServer server) throws InterruptedException {
        long[] last = counters(server);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(1500);
            long[] now = counters(server);
            if (Arrays.equals(Arrays.copyOfRange(now, 4, 8), Arrays.copyOfRange(last, 4, 8))) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static long[] counters(ArgusServer server) {
        try (Connection c = server.database().connect();
                PreparedStatement s = c.prepareStatement(COUNTERS);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            long[] v = new long[NAMES.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.round(rs.getDouble(i + 1));
            }
            return v;
        } catch (SQLException e) {
            throw new IllegalStateException(COUNTERS, e);
        }
    }

    private static long number(ArgusServer server, String query, Object... values) {
        return new BenchQueries(server.database()).number(query, values);
    }
}
