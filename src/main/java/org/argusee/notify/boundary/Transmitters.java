package org.argusee.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.argusee.notify.control.KeptSmtp;
import org.argusee.notify.control.Outgoing;

/** Sends one outgoing message by its method's kind; throws when it could not be sent. */
@ApplicationScoped
public class Transmitters {

    private static final Logger LOG = Logger.getLogger("org.argusee.notify.log");

    @Inject
    MailTransmitter mail;

    @Inject
    WebhookTransmitter webhook;

    @Inject
    ProgramTransmitter program;

    /** One message on its own (a method's test). */
    public void send(Outgoing out) throws Exception {
        send(out, null);
    }

    /** One message of a delivery round: mail over the round's kept SMTP connection ({@code kept}), if one is given. */
    public void send(Outgoing out, KeptSmtp kept) throws Exception {
        switch (out.method().kind()) {
            case "mail" -> {
                if (kept == null) {
                    mail.send(out);
                } else {
                    mail.send(out, kept);
                }
            }
            case "webhook" -> webhook.send(out);
            case "program" -> program.send(out);
            case "log" -> LOG.info(() -> "(" + out.to().address() + ") NOTIFY: " + out.text() + out.extra());
            case "null" -> {
                // told nobody, on purpose
            }
            default ->
                throw new IllegalStateException("method '" + out.method().name() + "' has the unknown kind '"
                        + out.method().kind() + "'");
        }
    }
}
