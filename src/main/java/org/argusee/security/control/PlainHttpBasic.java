package org.argusee.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a password may come as HTTP Basic over plain HTTP ({@code argus.security.basic-over-http}): anyone on the
 * path reads it there, and can use it again. {@code loopback} (the default) takes it only from this machine
 * (127.0.0.0/8, ::1: a script here, or a TLS proxy on this machine); {@code allow} from anywhere (a trusted network,
 * or a TLS proxy on another host); {@code refuse} never, not even from loopback. Over HTTPS Basic is always taken.
 * A refused request is answered before the password is checked, so a password seen on the wire does not work over
 * plain HTTP either, and the refusal counts as no failed login.
 */
@ApplicationScoped
public class PlainHttpBasic {

    public static final String SETTING = "argus.security.basic-over-http";
    private static final Logger LOG = Logger.getLogger(PlainHttpBasic.class.getName());

    enum Mode {
        LOOPBACK,
        ALLOW,
        REFUSE
    }

    @Inject
    @ConfigProperty(name = SETTING, defaultValue = "loopback")
    String setting;

    private Mode mode;

    @PostConstruct
    void check() {
        mode = parse(setting);
    }

    /** A bad value fails the deployment, not the first login. */
    void checkAtStart(@Observes Startup startup) {
        LOG.info(() -> SETTING + "=" + mode.name().toLowerCase(Locale.ROOT));
    }

    static Mode parse(String value) {
        try {
            return Mode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    SETTING + ": '" + value + "' is not one of loopback (the default), allow, refuse");
        }
    }

    /** Why this request's Basic header is refused, or empty when it is taken. */
    public Optional<String> refusal(HttpServletRequest request) {
        return refusal(mode, request.isSecure(), request.getRemoteAddr());
    }

    static Optional<String> refusal(Mode mode, boolean secure, String remoteAddress) {
        if (secure || mode == Mode.ALLOW || (mode == Mode.LOOPBACK && loopback(remoteAddress))) {
            return Optional.empty();
        }
        return Optional.of("HTTP Basic over plain HTTP is refused"
                + (mode == Mode.LOOPBACK ? " from another machine" : "")
                + ": anyone on the way reads the password. Use https:// (" + SETTING + " is "
                + mode.name().toLowerCase(Locale.ROOT) + ")");
    }

    /** The remote address is a literal from the container: parsing it asks no resolver. */
    static boolean loopback(String address) {
        String literal = address == null ? "" : address.replace("[", "").replace("]", "");
        // only IP literals: a name (never given by the container) would be looked up
        if (!literal.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !literal.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
