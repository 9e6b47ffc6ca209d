package org.argusee.live.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * A session that ends (logout, timeout) takes its live sockets with it (close code 1008): from now on they are sent
 * nothing. Undertow closes them itself, with 1008, in a session listener of its own that loops over the session's
 * list of connections; a channel that ends during that loop is taken off the list on the same thread. Closing them
 * here first could make Undertow's second close end a channel in the middle of its loop (a
 * ConcurrentModificationException, logged as "UT015005: Error invoking method sessionDestroyed"; the likely cause of
 * the one seen at logout, read from Undertow's code, not reproduced by a test). So the hub closes them only if they
 * are still open two seconds later (on its own thread, outside the loop).
 */
@WebListener
public class LiveSessions implements HttpSessionListener {

    @Inject
    LiveHub hub;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        hub.sessionEnded(event.getSession().getId());
    }
}
