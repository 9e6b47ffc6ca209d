package org.argusee.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.ArgusServers;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Notifications end to end, with real receivers: a server of its own (booted once for the class) whose mail session
 * points at a GreenMail SMTP server on loopback, TCP services on listeners the test closes and reopens. Queue time 0
 * (no merging) and a retry after 1 s, so each scenario takes seconds.
 */
class NotifyIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @RegisterExtension
    static final ArgusServers SERVERS = new ArgusServers();

    static int smtpPort;
    static GreenMail smtp;
    static ArgusServer server;

    private Api api;
    private String group;
    private final List<ClosableListener> listeners = new ArrayList<>();

    @BeforeAll
    static void boot() {
        smtpPort = freePort();
        smtp = startSmtp();
        server = SERVERS.create("notify");
        server.property("argus.smtp.port", Integer.toString(smtpPort))
                .property("argus.smtp.from", "argus@localhost")
                .property("argus.notify.qtime", "0")
                .property("argus.notify.retry-seconds", "1");
        server.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void createGroup() {
        api = server.api();
        group = "Top:nt_" + UUID.randomUUID().toString().substring(0, 8);
        created(api.post(Api.object("Top") + "/children", """
                {"kind": "Group", "name": "%s", "parameters": [
                  {"key": "frequency", "value": "1"}, {"key": "retries", "value": "0"},
                  {"key": "timeout", "value": "2"}]}""".formatted(group.substring(4))));
        created(api.post(Api.object(group) + "/children", """
                {"kind": "Host", "name": "127.0.0.1"}"""));
    }

    @AfterEach
    void removeGroup() {
        api.delete(Api.object(group) + "?recursive=true");
        listeners.forEach(l -> {
            try {
                l.close();
            } catch (UncheckedIOException e) {
                // closed already by the test
            }
        });
    }

    @Test
    void downThenUpGivesOneMailEachWithTheRightText() throws Exception {
        ClosableListener listener = listener();
        String service = service(listener, "notify", "ops1@localhost", "label", "web front");
        awaitShown(service, "up");
        listener.close();
        List<MimeMessage> down = awaitMails("ops1@localhost", 1);
        assertTrue(down.get(0).getSubject().startsWith("Argus: "), down.get(0).getSubject());
        String body = ((String) down.get(0).getContent()).strip();
        JsonObject first = notifications(service).getJsonObject(0);
        assertTrue(body.matches(first.getJsonNumber("id").longValue() + " \\d\\d/\\w{3} \\d\\d:\\d\\d - web front is"
                + " DOWN - .+"), body);
        assertEquals("argus@localhost", down.get(0).getFrom()[0].toString());
        assertEquals("active", first.getString("state"));

        listener.reopen();
        List<MimeMessage> both = awaitMails("ops1@localhost", 2);
        assertTrue(((String) both.get(1).getContent()).contains("web front is UP"), both.get(1).getContent().toString());
        JsonArray history = notifications(service);
        assertEquals(2, history.size(), history.toString());
        assertEquals("up", history.getJsonObject(0).getString("status"));
        assertEquals("auto-ack", history.getJsonObject(0).getString("ackedBy"));
        JsonObject detail = ok(api.get("api/notifications/" + first.getJsonNumber("id")));
        JsonObject delivery = detail.getJsonArray("deliveries").getJsonObject(0);
        assertEquals("mail:ops1@localhost", delivery.getString("destination"));
        assertEquals("sent", delivery.getString("state"));
        Eventually.holds("no further mail to ops1", Duration.ofSeconds(3), () -> mails("ops1@localhost").size() == 2);
    }

    @Test
    void smtpAwayMeansFailedAndRetriedThenDeliveredOnce() throws Exception {
        ClosableListener listener = listener();
        String service = service(listener, "notify", "ops2@localhost mail:ops2b@localhost");
        awaitShown(service, "up");
        smtp.stop();
        try {
            listener.close();
            Eventually.await("deliveries failed and retried", WITHIN, () -> {
                JsonArray list = notifications(service);
                if (list.isEmpty()) {
                    return false;
                }
                JsonArray deliveries = ok(api.get("api/notifications/" + list.getJsonObject(0).getJsonNumber("id")))
                        .getJsonArray("deliveries");
                return deliveries.size() == 2 && deliveries.stream().map(JsonObject.class::cast)
                        .allMatch(d -> d.getString("state").equals("failed") && d.getInt("attempts") >= 2
                                && !d.getString("lastError", "").isEmpty());
            });
        } finally {
            smtp = startSmtp();
        }
        awaitMails("ops2@localhost", 1);
        awaitMails("ops2b@localhost", 1);
        Eventually.holds("none twice", Duration.ofSeconds(4),
                () -> mails("ops2@localhost").size() == 1 && mails("ops2b@localhost").size() == 1);
        JsonArray deliveries = ok(api.get("api/notifications/"
                + notifications(service).getJsonObject(0).getJsonNumber("id"))).getJsonArray("deliveries");
        assertTrue(deliveries.stream().map(JsonObject.class::cast).allMatch(d -> d.getString("state").equals("sent")),
                deliveries.toString());
    }

    @Test
    void renotifiedUntilAcknowledgedThenSilence() throws Exception {
        ClosableListener listener = listener();
        String service = service(listener, "notify", "ops3@localhost", "renotify", "2");
        awaitShown(service, "up");
        listener.close();
        List<MimeMessage> mails = awaitMails("ops3@localhost", 3);
        assertTrue(mails.get(1).getSubject().startsWith("Argus RESENT: "), mails.get(1).getSubject());
        long id = notifications(service).getJsonObject(0).getJsonNumber("id").longValue();

        Api.Reply refused = server.anonymousApi().post("api/notifications/" + id + "/ack", "");
        assertEquals(401, refused.status(), refused.toString());
        JsonObject acked = ok(api.post("api/notifications/" + id + "/ack", ""));
        assertEquals("acked", acked.getString("state"));
        assertEquals("admin", acked.getString("ackedBy"));
        int count = mails("ops3@localhost").size();
        Eventually.holds("silence after the acknowledgement", Duration.ofSeconds(5),
                () -> mails("ops3@localhost").size() == count);
        Api.Reply missing = api.get("api/notifications/999999999");
        assertEquals(404, missing.status());
        assertTrue(missing.header("Content-Type").startsWith("application/problem+json"), missing.toString());
    }

    private ClosableListener listener() {
        ClosableListener l = new ClosableListener();
        listeners.add(l);
        return l;
    }

    private String service(ClosableListener listener, String... params) {
        StringBuilder p = new StringBuilder("""
                {"key": "port", "value": "%d"}, {"key": "expect", "value": "^OK"}""".formatted(listener.port()));
        for (int i = 0; i < params.length; i += 2) {
            p.append(", {\"key\": \"%s\", \"value\": \"%s\"}".formatted(params[i], params[i + 1]));
        }
        return created(api.post(Api.object(group + ":127.0.0.1") + "/children", """
                {"kind": "Service", "type": "TCP", "parameters": [%s]}""".formatted(p))).getString("fullName");
    }

    private void awaitShown(String fullName, String shown) {
        Eventually.await(fullName + " shows " + shown, WITHIN, () -> {
            Api.Reply r = api.get("api/status/" + Api.encode(fullName));
            return r.status() == 200 && shown.equals(r.json().getString("displayStatus"));
        });
    }

    private JsonArray notifications(String object) {
        return ok(api.get("api/notifications?object=" + Api.encode(object))).getJsonArray("items");
    }

    private static List<MimeMessage> mails(String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(to));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<MimeMessage> awaitMails(String to, int count) {
        Eventually.await(count + " mail(s) to " + to, WITHIN, () -> mails(to).size() >= count);
        return mails(to);
    }

    private static GreenMail startSmtp() {
        GreenMail g = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        g.start();
        return g;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject created(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    private static JsonObject ok(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }
}
