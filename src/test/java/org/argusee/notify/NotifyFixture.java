package org.argusee.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.CommonServer;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A server whose mail session points at a GreenMail SMTP server on loopback, queue time 0
 * for mail (no merging unless a test's method says so), a retry after 1 s, flapping from the fifth notification; a group per test with a host
 * 127.0.0.1 probed every second; TCP services on listeners the test closes and reopens. The server is the run's
 * {@link CommonServer} (one boot per test run, not per class, shared with other classes that need a server to
 * restart), as each test works in a group of its own and sends to addresses of its own; each class gets a fresh
 * GreenMail (no mail of another class) on the port the server was given.
 */
abstract class NotifyFixture {

    static final Duration WITHIN = Duration.ofSeconds(30);

    static GreenMail smtp;
    static ArgusServer server;

    Api api;
    String group;
    private final List<ClosableListener> listeners = new ArrayList<>();

    @BeforeAll
    static void boot() {
        smtp = startSmtp();
        server = CommonServer.get();
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
        api = server.api();
        api.delete(Api.object(group) + "?recursive=true");
        listeners.forEach(l -> {
            try {
                l.close();
            } catch (UncheckedIOException e) {
                // closed already by the test
            }
        });
    }

    ClosableListener listener() {
        ClosableListener l = new ClosableListener();
        listeners.add(l);
        return l;
    }

    /** A TCP service on the listener's port, expecting "OK", with these parameters (key, value ...). */
    String service(ClosableListener listener, String... params) {
        StringBuilder p = new StringBuilder("""
                {"key": "port", "value": "%d"}, {"key": "expect", "value": "^OK"}""".formatted(listener.port()));
        for (int i = 0; i < params.length; i += 2) {
            p.append(", {\"key\": \"%s\", \"value\": \"%s\"}".formatted(params[i], params[i + 1]));
        }
        return created(api.post(Api.object(group + ":127.0.0.1") + "/children", """
                {"kind": "Service", "type": "TCP", "parameters": [%s]}""".formatted(p)))
                .getString("fullName");
    }

    void awaitShown(String fullName, String shown) {
        Eventually.await(fullName + " shows " + shown, WITHIN, () -> {
            Api.Reply r = api.get("api/status/" + Api.encode(fullName));
            return r.status() == 200 && shown.equals(r.json().getString("displayStatus"));
        });
    }

    JsonArray notifications(String object) {
        return ok(api.get("api/notifications?object=" + Api.encode(object))).getJsonArray("items");
    }

    JsonArray deliveries(long id) {
        return ok(api.get("api/notifications/" + id)).getJsonArray("deliveries");
    }

    static long id(JsonObject notification) {
        return notification.getJsonNumber("id").longValue();
    }

    static List<MimeMessage> mails(String to) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equals(to));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    static List<MimeMessage> awaitMails(String to, int count) {
        Eventually.await(count + " mail(s) to " + to, WITHIN, () -> mails(to).size() >= count);
        return mails(to);
    }

    static String body(MimeMessage m) {
        try {
            return ((String) m.getContent()).strip();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A statement on the server's own database (methods are set up with SQL). */
    static void sql(String statement, Object... values) {
        try (Connection c = server.database().connect();
                PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    static GreenMail startSmtp() {
        GreenMail g = new GreenMail(new ServerSetup(CommonServer.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        g.start();
        return g;
    }

    static JsonObject created(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    static JsonObject ok(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }
}
