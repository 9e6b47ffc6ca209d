package org.argusee.web.control;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.SessionPersistenceManager;
import jakarta.servlet.ServletContext;

/**
 * Puts {@link KeptSessions} between Undertow and the server's persistent sessions when the server keeps sessions over a
 * restart (configure-server.cli); a server set up without them is left as it is. Found by Undertow through
 * META-INF/services/io.undertow.servlet.ServletExtension, before the deployment's handlers are built.
 */
public class KeptSessionsExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        SessionPersistenceManager disk = deployment.getSessionPersistenceManager();
        if (disk == null) {
            return;
        }
        KeptSessions kept = new KeptSessions(disk);
        deployment.setSessionPersistenceManager(kept);
        // outer: after the servlet request exists (its session config), before security reads the login
        deployment.addOuterHandlerChainWrapper(kept::restoring);
    }
}
