package org.argusee.darp;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.Relay;

/** One GreenMail SMTP server on loopback that the DARP servers of a test mail to, counted for one recipient. */
final class MailInbox implements AutoCloseable {

    private final GreenMail smtp;
    private final int port;
    private final String to;
    /** Whether this inbox started the SMTP server (and stops it), or is a view of another's ({@link #forRecipient}). */
    private final boolean owner;

    MailInbox(String to) {
        this.to = to;
        this.port = freePort();
        this.smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.owner = true;
        smtp.start();
    }

    private MailInbox(MailInbox server, String to) {
        this.smtp = server.smtp;
        this.port = server.port;
        this.to = to;
        this.owner = false;
    }

    /**
     * The same SMTP server, counting the mails to another recipient: a test class on shared servers ({@link DarpPair})
     * has an address of its own, so the mail of other classes is not counted. Closing it leaves the server running.
     */
    MailInbox forRecipient(String recipient) {
        return new MailInbox(this, recipient);
    }

    /** The servers mail here, each transition alone (queue time 0), retrying a failed one after 1 s. */
    void mailedBy(ArgusServer... servers) {
        for (ArgusServer s : servers) {
            s.property("argus.smtp.port", Integer.toString(port))
                    .property("argus.smtp.from", "argus@localhost")
                    .property("argus.notify.qtime", "0")
                    .property("argus.notify.retry-seconds", "1");
        }
    }

    /**
     * The server mails here as {@link #mailedBy}, but through a relay on its own port: {@link Relay#reset} it and
     * that server's SMTP server is away (connections refused at once) while the others' is not.
     */
    Relay relayFor(ArgusServer server) {
        Relay relay = Relay.to(port);
        mailedBy(server);
        server.property("argus.smtp.port", Integer.toString(relay.port()));
        return relay;
    }

    List<MimeMessage> mails() {
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

    List<String> bodies() {
        return mails().stream()
                .map(m -> {
                    try {
                        return ((String) m.getContent()).strip();
                    } catch (IOException | MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    void await(int count, Duration within) {
        Eventually.await(
                count + " mail(s) to " + to + " (so far: " + bodies() + ")", within, () -> mails().size() >= count);
    }

    /** No further mail comes for a while: none was sent twice. */
    void still(int count, Duration quiet) {
        Eventually.holds("still " + count + " mail(s): " + bodies(), quiet, () -> mails().size() == count);
    }

    @Override
    public void close() {
        if (owner) {
            smtp.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
