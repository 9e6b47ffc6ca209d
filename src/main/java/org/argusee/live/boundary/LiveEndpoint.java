package org.argusee.live.boundary;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.web.control.Viewer;

/**
 * {@code /live}: the dashboard's WebSocket (docs/design/80-web.md). Opened by a logged-in page; the hub pushes
 * numbered changes the user may see; the page may ask to {@code resume} after a reconnect.
 */
@ServerEndpoint(value = "/live", configurator = LiveHandshake.class)
public class LiveEndpoint {

    private static final Logger LOG = Logger.getLogger(LiveEndpoint.class.getName());
    private static final int MAX_MESSAGE = 4096;

    @Inject
    LiveHub hub;

    @OnOpen
    public void open(Session session, EndpointConfig config) throws IOException {
        // the session's properties are its own copy of what the handshake put in the configuration's
        Object own = session.getUserProperties().get(LiveHandshake.ADMITTED);
        Object admitted = own != null ? own : config.getUserProperties().get(LiveHandshake.ADMITTED);
        if (!(admitted instanceof LiveHandshake.Admitted a) || a.login() == null) {
            LOG.info(() -> "Live socket refused: "
                    + (admitted == null ? "no handshake seen" : "no login session," + " or another site's page"));
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "log in first"));
            return;
        }
        session.setMaxTextMessageBufferSize(MAX_MESSAGE);
        hub.open(new LiveSocket(session, new Viewer(a.login().user(), a.login().roles()), a.httpSession()));
    }

    @OnMessage
    public void message(Session session, String text) {
        hub.received(session.getId(), text);
    }

    @OnClose
    public void close(Session session) {
        hub.closed(session.getId());
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "Live socket error", error);
        hub.closed(session.getId());
    }
}
