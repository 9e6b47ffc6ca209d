package org.argusee.notify.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.argusee.notify.control.KeptSmtp;
import org.argusee.notify.control.Outgoing;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends mail through the server's mail session {@code java:jboss/mail/Argus} (SMTP server, port, TLS from
 * SMTP_HOST, SMTP_PORT, SMTP_SSL, SMTP_STARTTLS: see server-config). A login, when the SMTP server wants one, comes
 * from SMTP_USER and SMTP_PASSWORD (or argus.smtp.user and argus.smtp.password), so a server without login needs no
 * setting. Subject "Argus" with the tag (RESENT, ESCALATED) and the message's first line, as the original's
 * "Subject: Argus%E"; the sender is the object's {@code mail_from}, else the session's.
 */
@ApplicationScoped
public class MailTransmitter {

    private static final String TIMEOUT_MILLIS = "20000";
    private static final int SUBJECT_MAX = 150;

    @Resource(lookup = "java:jboss/mail/Argus")
    Session session;

    @Inject
    @ConfigProperty(name = "argus.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "argus.smtp.password")
    Optional<String> password;

    /** A message over a connection of its own (a method's test). */
    public void send(Outgoing out) throws MessagingException {
        Transport.send(message(out));
    }

    /** A message of a delivery round, over the round's kept connection. */
    public void send(Outgoing out, KeptSmtp kept) throws MessagingException {
        kept.send(message(out));
    }

    private MimeMessage message(Outgoing out) throws MessagingException {
        Session s = configured();
        MimeMessage m = new MimeMessage(s);
        String from =
                out.params() == null ? null : out.params().get("mail_from").orElse(null);
        if (from != null && from.contains("@")) {
            m.setFrom(new InternetAddress(from));
        } else {
            m.setFrom(); // the session's mail.from
        }
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(out.to().address(), true));
        String first = out.text().lines().findFirst().orElse("");
        String subject = "Argus" + out.extra() + ": " + first;
        m.setSubject(subject.length() > SUBJECT_MAX ? subject.substring(0, SUBJECT_MAX) : subject, "UTF-8");
        m.setSentDate(new Date());
        m.setHeader("X-Argus-Notification", Long.toString(out.facts().id()));
        m.setText(out.text() + "\n", "UTF-8");
        return m;
    }

    /** The session with timeouts (a hung SMTP server must not hold the sender) and the login when one is set. */
    private Session configured() {
        Properties p = new Properties();
        p.putAll(session.getProperties());
        p.putIfAbsent("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        p.putIfAbsent("mail.smtp.timeout", TIMEOUT_MILLIS);
        p.putIfAbsent("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        String u = user.filter(x -> !x.isBlank()).orElse(null);
        if (u == null) {
            return Session.getInstance(p);
        }
        p.put("mail.smtp.auth", "true");
        String pw = password.orElse("");
        return Session.getInstance(p, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(u, pw);
            }
        });
    }
}
