package org.argusee.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ServerDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The deployed server as a newcomer meets it: the sample tree, the server's identity, its documentation. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ServerDeployment.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void topShowsTheSampleTree() {
        Api.Reply reply = Api.admin(base).get("api/objects/Top");
        assertEquals(200, reply.status(), reply.toString());
        JsonObject top = reply.json();
        assertEquals("Top", top.getString("fullName"));
        List<String> children = top.getJsonArray("children").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("fullName")).toList();
        assertTrue(children.containsAll(List.of("Top:Local", "Top:Database", "Top:DNS")), children.toString());
    }
}
