package org.argusee.notify.control;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One SMTP connection kept for a delivery round's mail: connected (EHLO, STARTTLS, AUTH) at the first message, each
 * message after it MAIL/RCPT/DATA on the same connection, QUIT at the round's end ({@link #close()}), after
 * {@value #MESSAGES_MAX} messages, or when it sat idle longer than {@link #IDLE_MAX} (a slow program or webhook of
 * another destination in between: servers close idle clients). A backlog of k mails cost k connections, about 65 ms
 * each here, where the database's part of a message is under 1 ms (docs/benchmarks.md).
 *
 * <p>A failure closes the connection; the next message opens a new one. A message that fails on a connection that
 * had carried messages before is sent once more on a new one (the server may have dropped the kept one: its idle
 * timeout, its own limit per connection, a restart), unless the server refused its recipient (the message's own
 * failure) or did not answer within the timeout (a hung server costs one timeout, as before). So what fails, fails
 * as over a connection of its own (the same exception, the same text), and only that message. A server that took
 * the message and dropped the connection before its answer came gets it twice: the at-least-once window of
 * docs/design/70-notify.md, as before (then the message was retried a round later). Not thread-safe: one round,
 * one thread.
 */
public final class KeptSmtp implements AutoCloseable {

    static final int MESSAGES_MAX = 100;
    static final Duration IDLE_MAX = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(KeptSmtp.class.getName());

    private final int messagesMax;
    private final long idleMaxNanos;
    private Transport transport;
    private int carried;
    private long lastUse;
    private int opened;

    public KeptSmtp() {
        this(MESSAGES_MAX, IDLE_MAX);
    }

    KeptSmtp(int messagesMax, Duration idleMax) {
        this.messagesMax = messagesMax;
        this.idleMaxNanos = idleMax.toNanos();
    }

    /** Sends as {@code Transport.send} does (the changes saved, its session's transport for the first recipient). */
    public void send(MimeMessage m) throws MessagingException {
        m.saveChanges();
        Address[] to = m.getAllRecipients();
        if (to == null || to.length == 0) {
            throw new SendFailedException("No recipient addresses");
        }
        if (transport != null && (carried >= messagesMax || System.nanoTime() - lastUse > idleMaxNanos)) {
            close();
        }
        boolean reused = transport != null;
        try {
            sendOnce(m, to);
        } catch (MessagingException e) {
            close();
            if (!reused || refused(e) || timedOut(e)) {
                throw e;
            }
            LOG.log(Level.FINE, "The kept SMTP connection failed; the message goes again on a new one", e);
            try {
                sendOnce(m, to);
            } catch (MessagingException again) {
                close();
                throw again;
            }
        }
    }

    private void sendOnce(MimeMessage m, Address[] to) throws MessagingException {
        if (transport == null) {
            Transport t = m.getSession().getTransport(to[0]);
            t.connect(); // the session's host, port, TLS and login (its Authenticator): nothing of them is logged
            transport = t;
            carried = 0;
            opened++;
        }
        transport.sendMessage(m, to);
        carried++;
        lastUse = System.nanoTime();
    }

    /** The server refused a recipient (RCPT): that message's own failure, no sign of a dropped connection. */
    private static boolean refused(MessagingException e) {
        return e instanceof SendFailedException f
                && f.getInvalidAddresses() != null
                && f.getInvalidAddresses().length > 0;
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** How many connections it opened (the tests count them; a log line at the round's end could too). */
    public int opened() {
        return opened;
    }

    /** QUIT, if a connection is open; a server that went away meanwhile is no error (the messages were answered). */
    @Override
    public void close() {
        Transport t = transport;
        transport = null;
        if (t != null) {
            try {
                t.close();
            } catch (MessagingException e) {
                LOG.log(Level.FINE, "Closing the kept SMTP connection", e);
            }
        }
    }
}
