package org.argusee.testsupport;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the integration tests: the real WAR the build made, deployed by Arquillian into the provisioned WildFly,
 * called from outside over HTTP as clients call it. {@link #base} is the server's root URL. The WAR is deployed once
 * for the run, not once per class ({@link KeptDeployment}): a class finds what the application holds in memory as
 * the classes before it left it, as it finds the database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class DeployedServer {

    @ArquillianResource
    protected URL base;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        File war = new File(System.getProperty("argus.war", "target/argus.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the integration tests with mvn verify");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
