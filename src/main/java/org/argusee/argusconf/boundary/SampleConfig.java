package org.argusee.argusconf.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.argusee.argusconf.control.CheckedConfig;
import org.argusee.argusconf.control.ConfigChecker;
import org.argusee.argusconf.control.ConfigLimits;
import org.argusee.argusconf.control.ConfigSource;
import org.argusee.argusconf.control.ImportPlan;
import org.argusee.tree.boundary.TreeCache;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With argus.bootstrap.sample-tree=true (the quick start sets it), imports the sample Argus configuration
 * (sample.conf, beside this class's package in the resources) into an empty tree, through the same importer as
 * the API, so a newcomer sees something live at once.
 */
@Singleton
@Startup
@DependsOn("TreeCache")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SampleConfig {

    static final String RESOURCE = "/org/argusee/argusconf/sample.conf";
    private static final Logger LOG = Logger.getLogger(SampleConfig.class.getName());

    @Inject
    TreeCache cache;

    @Inject
    ConfigImporter importer;

    @Inject
    @ConfigProperty(name = "argus.bootstrap.sample-tree", defaultValue = "false")
    boolean enabled;

    /** Optional: an empty default would count as missing and fail the deployment of a server without it. */
    @Inject
    @ConfigProperty(name = "argus.db.url")
    Optional<String> dbUrl;

    @PostConstruct
    void load() {
        if (!enabled || !cache.snapshot().top().children().isEmpty()) {
            return;
        }
        CheckedConfig sample = new ConfigChecker(cache.catalog())
                .check(ConfigSource.memory(
                        Map.of("sample.conf", withPorts(read(), httpPort(), dbPort(dbUrl.orElse("")))),
                        "sample.conf",
                        ConfigLimits.defaults()));
        if (sample.hasErrors()) {
            throw new IllegalStateException("the shipped sample configuration has errors: " + sample.errors());
        }
        ImportPlan plan = importer.importConfig(sample, "Top", ImportPlan.Mode.MERGE, false)
                .plan();
        LOG.info(() -> "Imported the sample configuration (" + plan.added().size() + " objects) into the empty tree");
    }

    /**
     * The sample watches this server's own HTTP port and its PostgreSQL, written as the quick start's defaults (8080,
     * 15432); a quick start with a port offset or another database port would show both down for no reason.
     */
    static byte[] withPorts(byte[] sample, int http, int db) {
        String text = new String(sample, StandardCharsets.UTF_8);
        text = DEFAULT_HTTP.matcher(text).replaceAll("$1" + http);
        text = DEFAULT_DB.matcher(text).replaceAll("$1" + db);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final Pattern DEFAULT_HTTP = Pattern.compile("(?m)^(\\s*port:\\s*)8080$");
    private static final Pattern DEFAULT_DB = Pattern.compile("(?m)^(\\s*port:\\s*)15432$");
    private static final Pattern URL_PORT = Pattern.compile("^jdbc:postgresql://[^/:]+:(\\d+)/");

    /** WildFly's HTTP port with its socket-binding offset, as the server was started. */
    private static int httpPort() {
        return Integer.getInteger("jboss.http.port", 8080) + Integer.getInteger("jboss.socket.binding.port-offset", 0);
    }

    static int dbPort(String url) {
        Matcher m = URL_PORT.matcher(url);
        return m.find() ? Integer.parseInt(m.group(1)) : 15432;
    }

    private static byte[] read() {
        try (InputStream in = SampleConfig.class.getResourceAsStream(RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
