package org.argusee.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.Test;

/**
 * The main path with real receivers: a service whose listener closes gets one mail with the right text, its
 * recovery another; with the SMTP server away deliveries fail and are retried, and all arrive once it is back, none
 * twice; renotify until someone acknowledges, then silence.
 */
class NotifyIT extends NotifyFixture {

    @Test
    void downThenUpGivesOneMailEachWithTheRightText() throws Exception {
        ClosableListener listener = listener();
        String service = service(listener, "notify", "ops1@localhost", "label", "web front");
        awaitShown(service, "up");
        listener.close();
        List<MimeMessage> down = awaitMails("ops1@localhost", 1);
        assertTrue(down.get(0).getSubject().startsWith("Argus: "), down.get(0).getSubject());
        JsonObject first = notifications(service).getJsonObject(0);
        String text = body(down.get(0));
        // the original's friendly text: the label is not in it
        String friendly = "TCP/" + listener.port() + " on 127.0.0.1";
        assertTrue(text.matches(id(first) + " \\d\\d/\\w{3} \\d\\d:\\d\\d - " + friendly + " is DOWN/critical"), text);
        assertEquals("argus@localhost", down.get(0).getFrom()[0].toString());
        assertEquals("active", first.getString("state"));

        listener.reopen();
        List<MimeMessage> both = awaitMails("ops1@localhost", 2);
        assertTrue(body(both.get(1)).contains(friendly + " is UP"), body(both.get(1)));
        JsonArray history = notifications(service);
        assertEquals(2, history.size(), history.toString());
        assertEquals("up", history.getJsonObject(0).getString("status"));
        assertEquals("auto-ack", history.getJsonObject(0).getString("ackedBy"));
        JsonObject delivery = deliveries(id(first)).getJsonObject(0);
        assertEquals("mail:ops1@localhost", delivery.getString("destination"));
        assertEquals("sent", delivery.getString("state"));
        Eventually.holds(
                "no further mail to ops1",
                Duration.ofSeconds(3),
                () -> mails("ops1@localhost").size() == 2);
    }

    @Test
    void smtpAwayMeansFailedAndRetriedThenDeliveredOnce() {
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
                JsonArray deliveries = deliveries(id(list.getJsonObject(0)));
                return deliveries.size() == 2
                        && deliveries.stream()
                                .map(JsonObject.class::cast)
                                .allMatch(d -> d.getString("state").equals("failed")
                                        && d.getInt("attempts") >= 2
                                        && !d.getString("lastError", "").isEmpty());
            });
        } finally {
            smtp = startSmtp();
        }
        awaitMails("ops2@localhost", 1);
        awaitMails("ops2b@localhost", 1);
        Eventually.holds(
                "none twice",
                Duration.ofSeconds(4),
                () -> mails("ops2@localhost").size() == 1
                        && mails("ops2b@localhost").size() == 1);
        JsonArray deliveries = deliveries(id(notifications(service).getJsonObject(0)));
        assertTrue(
                deliveries.stream().map(JsonObject.class::cast).allMatch(d -> d.getString("state")
                        .equals("sent")),
                deliveries.toString());
    }

    @Test
    void severalAcknowledgedAtOnceByStaffButNotByAReader() {
        ClosableListener first = listener();
        ClosableListener second = listener();
        String a = service(first, "notify", "ops4@localhost", "uname", "a");
        String b = service(second, "notify", "ops4@localhost", "uname", "b");
        awaitShown(a, "up");
        awaitShown(b, "up");
        first.close();
        second.close();
        awaitMails("ops4@localhost", 2);
        long idA = id(notifications(a).getJsonObject(0));
        long idB = id(notifications(b).getJsonObject(0));
        String body = "{\"ids\": [" + idA + ", " + idB + "]}";
        String reader = "nt_reader_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        created(api.post("api/users", """
                {"username": "%s", "password": "reader-password-1", "roles": ["user"]}""".formatted(reader)));
        try {
            Api readerApi = server.anonymousApi().as(reader, "reader-password-1");
            assertEquals(200, readerApi.get("api/notifications/" + idA).status(), "a reader reads");
            assertEquals(403, readerApi.post("api/notifications/ack", body).status(), "a reader does not ack");
        } finally {
            api.delete("api/users/" + reader);
        }
        assertEquals(2, ok(api.post("api/notifications/ack", body)).getInt("acked"));
        assertEquals(0, ok(api.post("api/notifications/ack", body)).getInt("acked"), "acked once only");
        assertEquals("acked", ok(api.get("api/notifications/" + idB)).getString("state"));
    }

    @Test
    void renotifiedUntilAcknowledgedThenSilence() {
        ClosableListener listener = listener();
        String service = service(listener, "notify", "ops3@localhost", "renotify", "2");
        awaitShown(service, "up");
        listener.close();
        List<MimeMessage> mails = awaitMails("ops3@localhost", 3);
        try {
            assertTrue(
                    mails.get(1).getSubject().startsWith("Argus RESENT: "),
                    mails.get(1).getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        long id = id(notifications(service).getJsonObject(0));

        Api.Reply refused = server.anonymousApi().post("api/notifications/" + id + "/ack", "");
        assertEquals(401, refused.status(), refused.toString());
        JsonObject acked = ok(api.post("api/notifications/" + id + "/ack", ""));
        assertEquals("acked", acked.getString("state"));
        assertEquals("admin", acked.getString("ackedBy"));
        int count = mails("ops3@localhost").size();
        Eventually.holds(
                "silence after the acknowledgement",
                Duration.ofSeconds(5),
                () -> mails("ops3@localhost").size() == count);
        JsonArray active = ok(api.get("api/notifications?state=active&object=" + Api.encode(service)))
                .getJsonArray("items");
        assertTrue(active.isEmpty(), active.toString());
        assertEquals(400, api.get("api/notifications?state=sleeping").status());
        assertEquals(400, api.post("api/notifications/ack", "{}").status());
        Api.Reply missing = api.get("api/notifications/999999999");
        assertEquals(404, missing.status());
        assertTrue(missing.header("Content-Type").startsWith("application/problem+json"), missing.toString());
    }
}
