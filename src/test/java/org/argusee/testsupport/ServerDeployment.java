package org.argusee.testsupport;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real WAR the build made, as Arquillian deploys it: the tests run against exactly what users deploy. */
public final class ServerDeployment {

    private ServerDeployment() {
    }

    public static WebArchive war() {
        File war = new File(System.getProperty("argus.war", "target/argus.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the integration tests with mvn verify");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
