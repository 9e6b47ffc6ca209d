package org.argusee.argusconf.control;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.argusee.argusconf.control.model.ParsedConfig;

/**
 * The configuration files of the Argus 3.7 distribution (its examples/), copied verbatim under
 * src/test/resources/argusconf.
 */
final class SharedConfigs {

    static final List<String> ALL = List.of(
            "config",
            "config-darp-master",
            "config-darp-slave",
            "config-new-features",
            "config-big",
            "config-agent",
            "config-dashboard");

    /**
     * Session 20's configurations written as administrators of the original wrote them (an ISP's, a web shop's,
     * values, protocol variants, odd syntax with CRLF ends and an Include), run beside Argus 3.7 (docs/parity.md,
     * "configsweep"): none has an error.
     */
    static final List<String> SWEEP = List.of(
            "sweep/isp.conf", "sweep/webshop.conf", "sweep/values.conf", "sweep/protocols.conf", "sweep/odd.conf");

    /** The ones with no ERROR, which the round trip covers. */
    static final List<String> CLEAN = List.of(
            "config",
            "config-darp-master",
            "config-darp-slave",
            "config-big",
            "config-agent",
            "config-dashboard",
            "sweep/isp.conf",
            "sweep/webshop.conf",
            "sweep/values.conf",
            "sweep/protocols.conf",
            "sweep/odd.conf");

    private SharedConfigs() {}

    static Path path(String name) {
        try {
            return Path.of(SharedConfigs.class.getResource("/argusconf/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ParsedConfig parse(String name) {
        return ConfigParser.parse(ConfigSource.of(path(name)));
    }
}
