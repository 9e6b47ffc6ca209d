package org.argusee.notify.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.argusee.testsupport.Relay;
import org.junit.jupiter.api.Test;

/** A round's mail over one kept SMTP connection, against GreenMail and a small SMTP server, both on 127.0.0.1. */
class KeptSmtpTest {

    @Test
    void aBatchGoesOverOneConnectionInOrder() throws Exception {
        List<String> received = throughGreenMail((relay, kept, session) -> {
            for (int i = 1; i <= 30; i++) {
                kept.send(message(session, "a@localhost", "message " + i));
            }
            assertEquals(1, relay.connections(), "SMTP connections for 30 messages");
        });
        assertEquals(numbered(1, 30), received);
    }

    @Test
    void aNewConnectionAfterTheLimitPerConnection() throws Exception {
        try (LoopbackSmtp server = new LoopbackSmtp(0);
                KeptSmtp kept = new KeptSmtp(10, Duration.ofSeconds(10))) {
            Session session = session(server.port());
            for (int i = 1; i <= 25; i++) {
                kept.send(message(session, "a@localhost", "message " + i));
            }
            assertEquals(3, server.connections());
            assertEquals(numbered(1, 25), server.subjects());
        }
    }

    @Test
    void aServerThatEndsTheSessionLosesAndDoublesNothing() throws Exception {
        try (LoopbackSmtp server = new LoopbackSmtp(7);
                KeptSmtp kept = new KeptSmtp()) {
            Session session = session(server.port());
            for (int i = 1; i <= 20; i++) {
                kept.send(message(session, "a@localhost", "message " + i)); // none fails: 8 and 15 go again
            }
            assertEquals(numbered(1, 20), server.subjects(), "each once, in order");
            assertEquals(3, server.connections());
        }
    }

    @Test
    void aConnectionResetMidBatchLosesNothing() throws Exception {
        List<String> received = throughGreenMail((relay, kept, session) -> {
            for (int i = 1; i <= 20; i++) {
                if (i == 11) {
                    relay.reset(); // the kept connection is reset, as by a server restarted between two messages
                    relay.open();
                }
                kept.send(message(session, "a@localhost", "message " + i));
            }
            assertEquals(2, relay.connections());
        });
        assertEquals(numbered(1, 20), received, "each once, in order");
    }

    @Test
    void aRefusedRecipientFailsItsMessageAloneAsOverAConnectionOfItsOwn() throws Exception {
        try (LoopbackSmtp server = new LoopbackSmtp(0);
                KeptSmtp kept = new KeptSmtp()) {
            Session session = session(server.port());
            kept.send(message(session, "a@localhost", "message 1"));
            MessagingException keptFailure = assertThrows(
                    MessagingException.class, () -> kept.send(message(session, "refused@localhost", "message 2")));
            kept.send(message(session, "a@localhost", "message 3"));
            MessagingException ownFailure = assertThrows(
                    MessagingException.class, () -> Transport.send(message(session, "refused@localhost", "own")));

            assertEquals(List.of("message 1", "message 3"), server.subjects());
            assertEquals(SendFailedException.class, keptFailure.getClass());
            // the text recorded against the delivery is the same as with a connection per message
            assertEquals(text(ownFailure), text(keptFailure));
            // the kept one for 1 and 2 (the refusal closed it), a new one for 3, one for the message sent on its own
            assertEquals(3, server.connections());
        }
    }

    /** What a batch sends over a kept connection through a relay (which counts connections) to GreenMail. */
    private interface Batch {
        void send(Relay relay, KeptSmtp kept, Session session) throws Exception;
    }

    /** Runs the batch; the subjects GreenMail received, in order. */
    private static List<String> throughGreenMail(Batch batch) throws Exception {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        try (Relay relay = Relay.to(greenMail.getSmtp().getPort());
                KeptSmtp kept = new KeptSmtp()) {
            batch.send(relay, kept, session(relay.port()));
            return subjects(greenMail);
        } finally {
            greenMail.stop();
        }
    }

    private static String text(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static Session session(int port) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.connectiontimeout", "20000");
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.from", "argus@localhost");
        return Session.getInstance(p);
    }

    private static MimeMessage message(Session session, String to, String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom();
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        m.setSubject(subject, "UTF-8");
        m.setText(subject + "\n", "UTF-8");
        return m;
    }

    private static List<String> numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "message " + i).toList();
    }

    private static List<String> subjects(GreenMail greenMail) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : Arrays.asList(greenMail.getReceivedMessages())) {
            subjects.add(m.getSubject());
        }
        return subjects;
    }
}
