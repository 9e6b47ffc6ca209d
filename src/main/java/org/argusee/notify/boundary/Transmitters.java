package org.argusee.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
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

    public void send(Outgoing out) throws Exception {
        switch (out.method().kind()) {
            case "mail" -> mail.send(out);
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
