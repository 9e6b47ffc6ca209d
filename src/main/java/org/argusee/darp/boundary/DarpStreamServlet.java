package org.argusee.darp.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Map;

/**
 * Upgrades {@code /api/darp/v1/stream} to the DARP WebSocket (Jakarta WebSocket 2.1's programmatic upgrade), so
 * the endpoint is made with the caller's address: a token is good only from the address it was given to. The token
 * itself comes in the first message, never in the URL (URLs end up in access logs).
 */
@WebServlet(urlPatterns = DarpStreamServlet.PATH, asyncSupported = true)
public class DarpStreamServlet extends HttpServlet {

    static final String PATH = "/api/darp/v1/stream";

    @Inject
    transient SlaveStreams streams;

    @Inject
    transient StreamGate gate;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            response.setStatus(426);
            response.setHeader("Upgrade", "websocket");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("The DARP stream is a WebSocket (docs/design/60-darp.md)\n");
            return;
        }
        ServerContainer container = (ServerContainer) getServletContext().getAttribute(ServerContainer.class.getName());
        if (container == null) {
            throw new ServletException("the server has no WebSocket support (Undertow websockets disabled?)");
        }
        String address = request.getRemoteAddr();
        if (!gate.admit(address)) {
            response.setStatus(429);
            response.setHeader("Retry-After", "10");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Too many DARP streams waiting for their hello from this address\n");
            return;
        }
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(SlaveStreamEndpoint.class, PATH)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> type) {
                        return type.cast(new SlaveStreamEndpoint(streams, gate, address));
                    }
                })
                .build();
        boolean upgraded = false;
        try {
            container.upgradeHttpToWebSocket(request, response, config, Map.of());
            upgraded = true;
        } catch (DeploymentException e) {
            throw new ServletException("cannot open the DARP stream", e);
        } finally {
            if (!upgraded) {
                gate.release(address);
            }
        }
    }
}
