package org.argusee.live.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** A session that ends (logout, timeout) takes its live sockets with it (close code 1008). */
@WebListener
public class LiveSessions implements HttpSessionListener {

    @Inject
    LiveHub hub;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        hub.sessionEnded(event.getSession().getId());
    }
}
