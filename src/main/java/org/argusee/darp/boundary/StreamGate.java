package org.argusee.darp.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.argusee.darp.control.master.PreHelloLimits;
import org.argusee.darp.control.wire.BadMessage;
import org.argusee.darp.control.wire.Message;
import org.argusee.darp.control.wire.Messages;
import org.argusee.darp.control.wire.StreamSeal;

/**
 * The master's cap on DARP streams that have not said hello yet (see {@link PreHelloLimits}): at most
 * {@value #PER_ADDRESS} per address and {@value #TOTAL} in all. A real slave holds one for a few milliseconds.
 */
@ApplicationScoped
public class StreamGate {

    private static final Logger LOG = Logger.getLogger(StreamGate.class.getName());

    static final int PER_ADDRESS = 4;
    static final int TOTAL = 100;

    /** The largest first message: a hello with its token is about 200 bytes. */
    static final int PRE_HELLO_TEXT = 4096;

    private final PreHelloLimits limits = new PreHelloLimits(PER_ADDRESS, TOTAL);

    @Inject
    DarpLogins logins;

    /**
     * The seal of a stream whose first message is a hello with a good token: keyed by that login's session key.
     * Empty for anything else (the conversation then refuses the hello itself).
     */
    Optional<StreamSeal> sealFor(String firstMessage, String address) {
        try {
            if (Messages.parse(firstMessage) instanceof Message.Hello h) {
                return logins.desk()
                        .tokens()
                        .sessionKey(h.token(), address, Instant.now())
                        .map(key -> new StreamSeal(key, StreamSeal.Direction.MASTER_TO_SLAVE));
            }
        } catch (BadMessage e) {
            // the conversation answers it
        }
        return Optional.empty();
    }

    boolean admit(String address) {
        boolean admitted = limits.admit(address);
        if (!admitted) {
            LOG.warning(() -> "DARP stream from " + address + " refused: too many streams waiting for their hello ("
                    + PER_ADDRESS + " per address, " + TOTAL + " in all)");
        }
        return admitted;
    }

    void release(String address) {
        limits.release(address);
    }
}
