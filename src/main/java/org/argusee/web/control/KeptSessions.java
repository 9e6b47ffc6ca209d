package org.argusee.web.control;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.session.Session;
import io.undertow.server.session.SessionConfig;
import io.undertow.server.session.SessionManager;
import io.undertow.servlet.api.SessionPersistenceManager;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.servlet.spec.HttpSessionImpl;
import io.undertow.servlet.spec.ServletContextImpl;
import jakarta.servlet.http.HttpSessionActivationListener;
import jakarta.servlet.http.HttpSessionEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The sessions kept over a restart (the server's persistent sessions, configure-server.cli), restored under the id
 * the browser already holds. Undertow's own restore ({@code SessionRestoringHandler}, 2.3.23) creates the restored
 * session as a new one: {@code getSession(exchange, true)} clears the requested id and gives the session a fresh one,
 * sent back in that first answer's Set-Cookie. Every other request the page sent with the old cookie before that
 * answer arrived (the live socket's reconnect, the keep-alive, the dashboard's own fetches) then finds no session and
 * gets 401, and the page goes to the login form; on a loaded machine the first answer after a boot takes seconds, so
 * this is the rule there, not the exception (issue 12, docs/testing.md item 24). Here the kept sessions are taken
 * from Undertow's handler (it gets none, and only writes them at the stop) and restored by {@link #restoring} with
 * their own id; a request naming a session that another request is restoring waits for it. A kept session nobody
 * asked for in this run is written again at the stop, so it survives the next restart too.
 */
public final class KeptSessions implements SessionPersistenceManager {

    private static final Logger LOG = Logger.getLogger(KeptSessions.class.getName());

    private final SessionPersistenceManager disk;
    private final Map<String, PersistentSession> kept = new ConcurrentHashMap<>();

    public KeptSessions(SessionPersistenceManager disk) {
        this.disk = disk;
    }

    /** Takes what the disk holds for this handler; Undertow's own restore gets nothing. */
    @Override
    public Map<String, PersistentSession> loadSessionAttributes(String deploymentName, ClassLoader classLoader) {
        Map<String, PersistentSession> loaded = disk.loadSessionAttributes(deploymentName, classLoader);
        if (loaded != null) {
            kept.putAll(loaded);
            LOG.info(() -> loaded.size() + " sessions kept from the last run");
        }
        return Map.of();
    }

    /** The open sessions, and the kept ones not yet asked for that have not expired. */
    @Override
    public void persistSessions(String deploymentName, Map<String, PersistentSession> sessionData) {
        long now = System.currentTimeMillis();
        Map<String, PersistentSession> all = new HashMap<>();
        kept.forEach((id, session) -> {
            if (session.getExpiration().getTime() > now) {
                all.put(id, session);
            }
        });
        all.putAll(sessionData);
        kept.clear();
        disk.persistSessions(deploymentName, all);
    }

    @Override
    public void clear(String deploymentName) {
        kept.clear();
        disk.clear(deploymentName);
    }

    /** The handler that restores a kept session at the first request naming it, before the login is looked at. */
    public HttpHandler restoring(HttpHandler next) {
        return exchange -> {
            if (!kept.isEmpty()) {
                restore(exchange);
            }
            next.handleRequest(exchange);
        };
    }

    private void restore(HttpServerExchange exchange) {
        ServletRequestContext request = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
        ServletContextImpl context = request.getCurrentServletContext();
        SessionConfig config = context.getSessionConfig();
        String id = config.findSessionId(exchange);
        PersistentSession session = id == null ? null : kept.get(id);
        if (session == null) {
            return;
        }
        // one request restores, the others naming it wait here, then find it complete (it leaves the map last)
        synchronized (session) {
            if (kept.get(id) != session) {
                return;
            }
            try {
                if (session.getExpiration().getTime() > System.currentTimeMillis()) {
                    restore(exchange, request, context, session);
                }
            } finally {
                kept.remove(id, session);
            }
        }
    }

    private static void restore(
            HttpServerExchange exchange,
            ServletRequestContext request,
            ServletContextImpl context,
            PersistentSession session) {
        SessionConfig config = context.getSessionConfig();
        SessionManager manager = request.getDeployment().getSessionManager();
        if (manager.getSession(exchange, config) != null) {
            return;
        }
        // the session manager takes the id the request names (the servlet layer's getSession(true) clears it)
        Session restored = manager.createSession(exchange, config);
        HttpSessionImpl servletSession = context.getSession(exchange, false);
        HttpSessionEvent event = new HttpSessionEvent(servletSession);
        session.getSessionData().forEach((name, value) -> {
            if (value instanceof HttpSessionActivationListener listener) {
                listener.sessionDidActivate(event);
            }
            if (name.startsWith(HttpSessionImpl.IO_UNDERTOW)) {
                restored.setAttribute(name, value);
            } else {
                servletSession.setAttribute(name, value);
            }
        });
    }
}
