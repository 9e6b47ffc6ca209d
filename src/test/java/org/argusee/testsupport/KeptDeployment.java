package org.argusee.testsupport;

import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.ConfigurationMapper;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.api.Injector;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.as.arquillian.container.managed.ManagedContainerConfiguration;
import org.jboss.as.arquillian.container.managed.ManagedDeployableContainer;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Arquillian's managed WildFly with the WAR deployed once per run instead of once per {@link DeployedServer} class.
 * Arquillian deploys a class's {@code @Deployment} before the class and undeploys it after; every class deploys the
 * same WAR, and a deploy and undeploy cost 3-9 s of the 2 cores (some 40 classes: 2-5 minutes a run). Here the
 * first deploy of an archive is kept: a later class asking for an archive of the same name gets the kept one's
 * address, its undeploy is put off, and the kept archive is undeployed when the container stops at the end of the
 * run (so the server's configuration does not keep it for the next run). The database is the run's in both cases,
 * so what a fresh deploy reset is only what the application holds in memory: login throttles (the tests that trip
 * them do so from loopback addresses of their own, or end with a success that clears 127.0.0.1), open sessions
 * and sockets (each class closes its own), caches (loaded from the database, kept current by the application).
 * {@code -Dargus.test.deploy-per-class=true} deploys per class as before.
 */
public final class KeptDeployment implements DeployableContainer<ManagedContainerConfiguration> {

    private static final Logger LOG = Logger.getLogger(KeptDeployment.class.getName());
    private static final boolean PER_CLASS = Boolean.getBoolean("argus.test.deploy-per-class");

    private final ManagedDeployableContainer container = new ManagedDeployableContainer();

    @Inject
    private Instance<Injector> injector;

    private Archive<?> kept;
    private ProtocolMetaData keptAt;
    private int reused;

    /** Registered in META-INF/services: replaces the managed container's service by this wrapper around it. */
    public static final class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, ManagedDeployableContainer.class, KeptDeployment.class);
        }
    }

    @Override
    public Class<ManagedContainerConfiguration> getConfigurationClass() {
        return container.getConfigurationClass();
    }

    @Override
    public ConfigurationMapper<ManagedContainerConfiguration> getConfigurationMapper() {
        return container.getConfigurationMapper();
    }

    @Override
    public void setup(ManagedContainerConfiguration configuration) {
        injector.get().inject(container); // Arquillian injects the services it creates; this one is made here
        container.setup(configuration);
    }

    @Override
    public void start() throws LifecycleException {
        container.start();
    }

    @Override
    public synchronized void stop() throws LifecycleException {
        try {
            if (kept != null) {
                LOG.info(() -> "undeploying " + kept.getName() + ", kept for " + (reused + 1) + " classes");
                container.undeploy(kept);
            }
        } catch (DeploymentException e) {
            LOG.warning(() -> "cannot undeploy " + kept.getName() + " at the end of the run: " + e);
        } finally {
            kept = null;
            keptAt = null;
            container.stop();
        }
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return container.getDefaultProtocol();
    }

    @Override
    public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (PER_CLASS || !(archive instanceof WebArchive)) {
            return container.deploy(archive);
        }
        if (kept != null && kept.getName().equals(archive.getName())) {
            reused++;
            return keptAt;
        }
        if (kept != null) {
            container.undeploy(kept); // another WAR: only one is kept
            kept = null;
        }
        keptAt = deployOver(archive);
        kept = archive;
        return keptAt;
    }

    /**
     * A run stopped before its end (Ctrl-C, a killed fork) leaves its deployment in the server's configuration, and
     * the server deploys it again at its next boot: the first deploy of the next run then fails as a duplicate
     * (WFLYCTL0212), and replaces it.
     */
    private ProtocolMetaData deployOver(Archive<?> archive) throws DeploymentException {
        try {
            return container.deploy(archive);
        } catch (DeploymentException e) {
            if (!String.valueOf(e.getMessage()).contains("WFLYCTL0212")) {
                throw e;
            }
            LOG.info(() ->
                    archive.getName() + " is deployed already (left by a run stopped before its end): replacing it");
            container.undeploy(archive);
            return container.deploy(archive);
        }
    }

    @Override
    public synchronized void undeploy(Archive<?> archive) throws DeploymentException {
        if (kept != null && kept.getName().equals(archive.getName())) {
            return; // kept for the next class; undeployed at stop
        }
        container.undeploy(archive);
    }
}
