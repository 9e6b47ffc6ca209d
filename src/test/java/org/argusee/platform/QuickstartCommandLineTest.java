package org.argusee.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 15, finding 4: the quick start put {@code -Dargus.db.password} and the admin's password on WildFly's command
 * line, which every user of the machine reads in {@code /proc/<pid>/cmdline} (a Prog command running as another user
 * too). Now nothing secret is on it; the secrets go by the environment.
 */
class QuickstartCommandLineTest {

    private static final Pattern SECRET = Pattern.compile("(?i).*(password|passwd|secret|token|credential).*=.*");

    @Test
    void theQuickStartsServerCommandLineHoldsNoSecret() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        Element execution = execution(pom, "start-server");
        List<String> arguments = texts(execution, "argument");
        assertTrue(arguments.size() > 3, "the start-server execution's arguments: " + arguments);
        assertEquals(
                List.of(),
                arguments.stream().filter(a -> SECRET.matcher(a).matches()).toList(),
                "secrets on the command line");
        String javaOpts = texts(execution, "JAVA_OPTS").get(0);
        assertFalse(SECRET.matcher(javaOpts).matches(), javaOpts);
        assertEquals(
                List.of("${quickstart.admin.password}"),
                texts(execution, "ARGUS_BOOTSTRAP_ADMIN_PASSWORD"),
                "the admin's password goes by the environment");
    }

    private static Element execution(Document pom, String id) {
        NodeList executions = pom.getElementsByTagName("execution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element e = (Element) executions.item(i);
            if (texts(e, "id").contains(id)) {
                return e;
            }
        }
        throw new AssertionError("no execution " + id + " in pom.xml");
    }

    private static List<String> texts(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }
}
