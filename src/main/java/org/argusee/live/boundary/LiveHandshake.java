package org.argusee.live.boundary;

import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.argusee.security.control.WebLogin;
import org.argusee.web.control.Origins;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Who opens a live socket: the person logged in with the HTTP session the handshake carries (its cookie; no token
 * in the URL), from a page of this server (the Origin). A handshake without both is let through and then closed
 * with 1008 by {@link LiveEndpoint}, so the client sees why.
 */
public class LiveHandshake extends ServerEndpointConfig.Configurator {

    static final String ADMITTED = "argus.live.admitted";
    private static final Logger LOG = Logger.getLogger(LiveHandshake.class.getName());

    /** What the handshake found: the login and its HTTP session's id; null login when refused. */
    record Admitted(WebLogin login, String httpSession) {}

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Object http = request.getHttpSession();
        WebLogin login = http instanceof HttpSession s ? WebLogin.in(s) : null;
        Principal principal = request.getUserPrincipal();
        boolean samePerson =
                login != null && (principal == null || principal.getName().equals(login.user()));
        String origin = header(request, "Origin");
        String host = header(request, "Host");
        String extra = ConfigProvider.getConfig()
                .getOptionalValue("argus.web.origins", String.class)
                .orElse(null);
        boolean sameSite = origin == null
                || Origins.sameOrigin(request.getRequestURI().getScheme(), host, origin, Origins.list(extra));
        if (!samePerson || !sameSite) {
            LOG.info(() -> "Live handshake refused: "
                    + (http == null
                            ? "no HTTP session"
                            : login == null
                                    ? "the session has no login"
                                    : !samePerson
                                            ? "another user's session"
                                            : "Origin " + origin + " is another site"));
        }
        config.getUserProperties()
                .put(
                        ADMITTED,
                        samePerson && sameSite
                                ? new Admitted(login, ((HttpSession) http).getId())
                                : new Admitted(null, null));
    }

    /** Header names in any case (containers differ in how they key the map). */
    private static String header(HandshakeRequest request, String name) {
        for (Map.Entry<String, List<String>> h : request.getHeaders().entrySet()) {
            if (h.getKey() != null
                    && h.getKey().equalsIgnoreCase(name)
                    && !h.getValue().isEmpty()) {
                return h.getValue().get(0);
            }
        }
        return null;
    }
}
