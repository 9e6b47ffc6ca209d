package org.argusee.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.Test;

/**
 * The rules around the main path: escalation (also across a restart), ackonup, ack_on_better and ack_on_worse,
 * the audit channel (notifyaudit), override and depends (nobody
 * told), a storm merged into one message per destination naming its cause, flapping told once, the on-call
 * schedule, and the webhook and program methods with real receivers.
 */
class NotifyRulesIT extends NotifyFixture {

    @Test
    void escalatesOnceEvenAcrossARestart() throws Exception {
        ClosableListener listener = listener();
        String service = service(listener, "notify", "esc@localhost", "escalate", "6s mail:boss@localhost");
        awaitShown(service, "up");
        listener.close();
        awaitMails("esc@localhost", 1);
        server.restart(); // the escalation comes due while the server is away
        api = server.api();
        subjectStarts(awaitMails("boss@localhost", 1).get(0), "Argus ESCALATED: ");
        staysAt("boss@localhost", 1, Duration.ofSeconds(4));
        assertEquals(1, notifications(service).getJsonObject(0).getInt("escalated"));
    }

    /**
     * Seen beside argusd 3.7 (bench/notify-beside-argus37.sh): a renotify resends to an escalation step's people only
     * once the step has been in force for a renotify period, and every message after the escalation says so.
     */
    @Test
    void aRenotifySoonAfterAnEscalationDoesNotPageTheStepAgain() throws Exception {
        ClosableListener listener = listener();
        String escalating = "3s mail:boss2@localhost";
        awaitShown(service(listener, "notify", "esc2@localhost", "escalate", escalating, "renotify", "8s"), "up");
        listener.close();
        subjectStarts(awaitMails("esc2@localhost", 2).get(1), "Argus RESENT ESCALATED: ");
        assertEquals(1, mails("boss2@localhost").size(), "the step told before the renotify");
        // the step was told 5 s before the renotify, so not again before the next one (8 s later)
        staysAt("boss2@localhost", 1, Duration.ofSeconds(3));
        listener.reopen();
    }

    private static void subjectStarts(MimeMessage mail, String prefix) throws Exception {
        assertTrue(mail.getSubject().startsWith(prefix), mail.getSubject());
    }

    private static void staysAt(String to, int count, Duration during) {
        Eventually.holds(
                to + " told " + count + " time(s)", during, () -> mails(to).size() == count);
    }

    @Test
    void ackonupAcknowledgesWhenTheObjectComesBack() {
        ClosableListener listener = listener();
        String service = service(listener, "notify", "aou@localhost", "ackonup", "yes");
        awaitShown(service, "up");
        listener.close();
        awaitMails("aou@localhost", 1);
        long id = id(notifications(service).getJsonObject(0));
        listener.reopen();
        Eventually.await("acked by ackonup", WITHIN, () -> "ackonup"
                .equals(ok(api.get("api/notifications/" + id)).getString("ackedBy", "")));
    }

    @Test
    void ackOnBetterAndAckOnWorseAcknowledgeWhenTheSeverityMoves() {
        ClosableListener listener = listener();
        String service = service(
                listener,
                "notify",
                "sev@localhost",
                "severity",
                "critical",
                "ack_on_better",
                "yes",
                "ack_on_worse",
                "yes");
        awaitShown(service, "up");
        listener.close();
        awaitMails("sev@localhost", 1);
        long critical = id(notifications(service).getJsonObject(0));
        severity(service, "minor"); // better: the critical one is acknowledged, the minor one told
        awaitMails("sev@localhost", 2);
        Eventually.await("the critical one acked by ack_on_better", WITHIN, () -> "ack_on_better"
                .equals(ok(api.get("api/notifications/" + critical)).getString("ackedBy", "")));
        long minor = id(notifications(service).getJsonObject(0));
        severity(service, "major"); // worse: the minor one is acknowledged, the major one told
        awaitMails("sev@localhost", 3);
        Eventually.await("the minor one acked by ack_on_worse", WITHIN, () -> "ack_on_worse"
                .equals(ok(api.get("api/notifications/" + minor)).getString("ackedBy", "")));
        JsonObject major = notifications(service).getJsonObject(0);
        assertEquals("major", major.getString("severity"));
        assertEquals("active", major.getString("state"), "the newest waits for a person");
        assertEquals(
                List.of("major", "minor", "critical"),
                notifications(service).getValuesAs(JsonObject.class).stream()
                        .map(n -> n.getString("severity"))
                        .toList(),
                "one told per severity, newest first");
    }

    private void severity(String service, String severity) {
        ok(api.put(Api.object(service) + "/parameters/severity", """
                {"value": "%s", "local": false}""".formatted(severity)));
    }

    @Test
    void theAuditChannelHearsOfEveryChangeOverridesIncluded() {
        ClosableListener listener = listener();
        String service =
                service(listener, "notify", "told@localhost", "notifyaudit", "audit@localhost", "message_fmt", "%o %m");
        awaitShown(service, "up");
        listener.close();
        awaitMails("told@localhost", 1);
        ok(api.put("api/status/" + Api.encode(service) + "/override", """
                {"text": "maintenance", "mode": "manual"}"""));
        awaitShown(service, "override");
        List<String> audit = awaitMails("audit@localhost", 2).stream()
                .map(NotifyFixture::body)
                .toList();
        assertEquals(service + " audit: up/clear -> down/critical", audit.get(0));
        assertTrue(audit.get(1).startsWith(service + " audit: down/critical -> override/"), audit.toString());
        assertEquals(1, mails("told@localhost").size(), "the override itself is told to nobody but the audit");
        assertTrue(
                notifications(service).getValuesAs(JsonObject.class).stream()
                        .filter(n -> n.getString("message").contains("audit: "))
                        .allMatch(n -> "auto-ack".equals(n.getString("ackedBy", ""))),
                notifications(service).toString());
    }

    @Test
    void overrideAndDependsTellNobody() {
        ClosableListener quiet = listener();
        String overridden = service(quiet, "notify", "ovr@localhost", "uname", "overridden");
        ClosableListener gw = listener();
        String gateway = service(gw, "notify", "gw@localhost", "uname", "gateway");
        ClosableListener behind = listener();
        String dependent = service(behind, "notify", "dep@localhost", "uname", "dependent", "depends", gateway);
        awaitShown(overridden, "up");
        awaitShown(dependent, "up");
        ok(api.put("api/status/" + Api.encode(overridden) + "/override", """
                {"text": "maintenance", "mode": "manual"}"""));
        quiet.close();
        gw.close();
        awaitShown(gateway, "down");
        behind.close();
        awaitShown(overridden, "override");
        awaitShown(dependent, "depends");
        awaitMails("gw@localhost", 1);
        Eventually.holds(
                "nobody told of the override or the dependent",
                Duration.ofSeconds(4),
                () -> mails("ovr@localhost").isEmpty() && mails("dep@localhost").isEmpty());
        assertTrue(notifications(overridden).isEmpty());
        assertTrue(notifications(dependent).isEmpty());
    }

    @Test
    void aStormBecomesOneMergedMessagePerDestinationNamingTheCause() {
        sql("insert into argus.notify_method (name, kind, qtime) values ('stormmail', 'mail', 10)"
                + " on conflict (name) do nothing");
        String both = "stormmail:storm@localhost stormmail:storm2@localhost";
        ClosableListener shared = listener();
        ClosableListener gw = listener();
        ClosableListener behind = listener();
        int services = 50;
        for (int i = 0; i < services; i++) {
            service(shared, "notify", both, "uname", "svc" + i);
        }
        String gateway = service(gw, "notify", both, "uname", "gw1", "message_style", "short");
        for (int i = 0; i < 5; i++) {
            service(behind, "notify", both, "uname", "held" + i, "depends", gateway);
        }
        Eventually.await("all up", WITHIN, () -> {
            Api.Reply children = api.get("api/status/" + Api.encode(group + ":127.0.0.1") + "/children");
            return children.status() == 200
                    && children.array().size() == services + 6
                    && children.array().getValuesAs(JsonObject.class).stream()
                            .allMatch(c -> "up".equals(c.getString("displayStatus", "")));
        });
        shared.close(); // the first message goes at once; what follows within 10 s is queued and merged
        awaitMails("storm@localhost", 1);
        gw.close();
        awaitShown(gateway, "down");
        behind.close();
        for (int i = 0; i < 5; i++) {
            awaitShown(group + ":127.0.0.1:held" + i, "depends");
        }
        for (String to : List.of("storm@localhost", "storm2@localhost")) {
            Eventually.await(
                    "all " + (services + 1) + " delivered to " + to,
                    WITHIN,
                    () -> sentTo("stormmail:" + to) == services + 1);
            List<String> bodies = mails(to).stream().map(NotifyFixture::body).toList();
            assertTrue(bodies.size() <= 3, bodies.size() + " mails to " + to + " for " + (services + 1) + " services");
            assertTrue(bodies.stream().anyMatch(b -> b.startsWith("Lots of stuff just went DOWN!")), bodies.toString());
            assertTrue(
                    bodies.stream().anyMatch(b -> b.contains("gw1 is DOWN") && b.contains("; 5 depending on it held")),
                    bodies.toString());
        }
        int storm = mails("storm@localhost").size();
        int storm2 = mails("storm2@localhost").size();
        Eventually.holds(
                "none twice",
                Duration.ofSeconds(3),
                () -> mails("storm@localhost").size() == storm
                        && mails("storm2@localhost").size() == storm2);
    }

    @Test
    void aFlappingObjectIsToldOnceThatItFlaps() {
        ClosableListener listener = listener();
        String service = service(listener, "notify", "flap@localhost");
        awaitShown(service, "up");
        for (int cycle = 0; cycle < 3; cycle++) {
            listener.close();
            awaitShown(service, "down");
            listener.reopen();
            awaitShown(service, "up");
        }
        Eventually.await(
                "six notifications", WITHIN, () -> notifications(service).size() == 6);
        JsonArray history = notifications(service);
        assertEquals("flapping", history.getJsonObject(0).getString("ackedBy"), history.toString());
        assertTrue(history.getJsonObject(1).getString("message").startsWith("FLAPPING ("), history.toString());
        List<String> bodies = awaitMails("flap@localhost", 5).stream()
                .map(NotifyFixture::body)
                .toList();
        Eventually.holds(
                "told once that it flaps, then quiet",
                Duration.ofSeconds(3),
                () -> mails("flap@localhost").size() == 5);
        assertEquals(1, bodies.stream().filter(b -> b.startsWith("FLAPPING (")).count(), bodies.toString());
    }

    @Test
    void theOnCallScheduleChoosesWhoIsTold() {
        String tomorrow = java.time.LocalDate.now()
                .plusDays(1)
                .getDayOfWeek()
                .getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ROOT)
                .toLowerCase(java.util.Locale.ROOT);
        long before = revision();
        sql(
                "insert into argus.config_block (object_id, keyword, name) select id, 'schedule', 'notify'"
                        + " from argus.object_full_name where full_name = ?",
                group);
        long block = queryLong(
                "select b.id from argus.config_block b join argus.object_full_name f"
                        + " on f.id = b.object_id where f.full_name = ? and b.keyword = 'schedule'",
                group);
        sql(
                "insert into argus.config_block_line (block_id, position, value) values (?, 0, ?), (?, 1, ?)",
                block,
                tomorrow + " => mail:tomorrow@localhost",
                block,
                "* 0000-2400 => mail:oncall@localhost");
        ClosableListener listener = listener();
        String service = service(listener, "notify", "plain@localhost");
        awaitShown(service, "up");
        Eventually.await("the server has seen the schedule", WITHIN, () -> revision() > before);
        listener.close();
        awaitMails("oncall@localhost", 1);
        assertTrue(mails("plain@localhost").isEmpty()
                && mails("tomorrow@localhost").isEmpty());
    }

    @Test
    void webhookAndProgramMethods() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> tokens = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            tokens.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Path file = Files.createTempFile("notify-it-", ".txt");
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            JsonObject chatMethod = ok(api.put("api/notify/methods/chat", """
                    {"kind": "webhook", "command": "%s", "send": "{\\"content\\": \\"%%M\\"}",
                     "headers": "Authorization: Bearer it-token"}""".formatted(url)));
            assertEquals("api", chatMethod.getString("source"));
            assertTrue(chatMethod.getBoolean("hasHeaders"));
            assertTrue(
                    !chatMethod.containsKey("headers") || chatMethod.isNull("headers"),
                    "a token is never shown: " + chatMethod);
            assertEquals(
                    400,
                    api.put("api/notify/methods/bad", "{\"kind\": \"pigeon\"}").status());
            sql("insert into argus.notify_method (name, kind, command, send) values ('tofile', 'program',"
                    + " 'cat >> \"%R\"', '[%N] %M') on conflict (name) do nothing");
            ClosableListener listener = listener();
            String service = service(
                    listener,
                    "notify",
                    "webhook:" + url + " chat:ops tofile:" + file,
                    "label",
                    "api \\\"v2\\\"",
                    "messagedn",
                    "%o{label} is %s");
            awaitShown(service, "up");
            listener.close();
            Eventually.await("two webhook posts", WITHIN, () -> bodies.size() >= 2);
            JsonObject generic = parse(bodies.stream()
                    .filter(b -> b.contains("\"object\""))
                    .findFirst()
                    .orElseThrow());
            assertEquals(service, generic.getString("object"));
            assertEquals("down", generic.getString("status"));
            JsonObject chat = parse(bodies.stream()
                    .filter(b -> b.contains("\"content\""))
                    .findFirst()
                    .orElseThrow());
            assertTrue(chat.getString("content").contains("api \"v2\" is DOWN"), chat.toString());
            assertTrue(tokens.contains("Bearer it-token"), tokens.toString());
            Eventually.await(
                    "the program wrote the file", WITHIN, () -> read(file).contains("is DOWN"));
            assertTrue(read(file).startsWith("[tofile] "), read(file));
        } finally {
            receiver.stop(0);
            Files.deleteIfExists(file);
        }
    }

    /**
     * Each message to a destination is marked sent in a transaction of its own (bench/chaos.sh singleKill): before,
     * every message due to one destination was sent in one transaction and marked sent at its end, so a server killed
     * while sending the second of two lost the mark of the first too, and sent it again after its restart. Here the
     * receiver holds the second message; meanwhile the first must already show sent.
     */
    @Test
    void aMessageIsMarkedSentBeforeTheNextToTheSameDestinationGoes() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean accepting = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.createContext("/held", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = accepting.get();
            if (ok) {
                received.add(body);
                if (received.size() > 1) {
                    try {
                        release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            exchange.sendResponseHeaders(ok ? 204 : 503, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String destination =
                    "webhook:http://127.0.0.1:" + receiver.getAddress().getPort() + "/held";
            ClosableListener listener = listener();
            String a = service(listener, "notify", destination, "uname", "held_a");
            String b = service(listener, "notify", destination, "uname", "held_b");
            awaitShown(a, "up");
            awaitShown(b, "up");
            listener.close();
            // both refused until both are queued, then due at the same moment: one claim takes both
            Eventually.await(
                    "both notifications tried",
                    WITHIN,
                    () -> queryLong(
                                    "select count(*) from argus.notification_delivery where destination = ? and attempts > 0",
                                    destination)
                            == 2);
            accepting.set(true);
            sql(
                    "update argus.notification_delivery set next_attempt = now() + interval '1 second'"
                            + " where destination = ?",
                    destination);
            Eventually.await("the second message held by the receiver", WITHIN, () -> received.size() == 2);
            String first = parse(received.get(0)).getString("object");
            JsonObject told = notifications(first).getJsonObject(0);
            assertEquals(
                    "sent",
                    deliveries(id(told)).getJsonObject(0).getString("state"),
                    "the first message is marked sent while the second is on its way");
        } finally {
            release.countDown();
            receiver.stop(0);
        }
    }

    private long revision() {
        return ok(api.get("api/server")).getJsonNumber("configRevision").longValue();
    }

    private static long queryLong(String query, Object... values) {
        try (java.sql.Connection c = server.database().connect();
                java.sql.PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    private int sentTo(String destination) {
        int sent = 0;
        JsonArray list = ok(api.get("api/notifications?limit=1000")).getJsonArray("items");
        for (JsonObject n : list.getValuesAs(JsonObject.class)) {
            if (!n.getString("object").startsWith(group + ":")) {
                continue;
            }
            for (JsonObject d : deliveries(id(n)).getValuesAs(JsonObject.class)) {
                if (d.getString("destination").equals(destination)
                        && d.getString("state").equals("sent")) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private static JsonObject parse(String json) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
