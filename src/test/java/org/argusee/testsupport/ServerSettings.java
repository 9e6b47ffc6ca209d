package org.argusee.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an extra server is started with: the JVM options, its ports, its MicroProfile Config settings as system
 * properties, and its secrets (the database password, the admin's, DARP secrets) as environment variables, which
 * ps does not show.
 */
final class ServerSettings {

    static final String JVM_OPTIONS_PROPERTY = "argus.test.servers.jvm.options";
    /**
     * C1 only and the serial collector: a boot costs half the CPU time (23 s instead of 50 s measured), which is
     * what counts when several servers boot at once on 2 shared cores; tests need no C2-compiled peak speed.
     */
    private static final String LEAN_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();

    void property(String key, String value) {
        properties.put(key, value);
    }

    /** Under the name MicroProfile Config looks for: upper case, '_' for anything not a letter or digit. */
    void secret(String key, String value) {
        secrets.put(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT), value);
    }

    List<String> javaOptions(int portOffset) {
        List<String> options = new ArrayList<>(words(System.getProperty("argus.test.server.jvm.options", "-Xmx768m")));
        options.addAll(words(System.getProperty(JVM_OPTIONS_PROPERTY, LEAN_JVM)));
        options.addAll(List.of(
                "-Djava.net.preferIPv4Stack=true",
                "-Djava.awt.headless=true",
                "-Djboss.modules.system.pkgs=org.jboss.byteman",
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1"));
        properties.forEach((k, v) -> options.add("-D" + k + "=" + v));
        return options;
    }

    /** The datasource reads DB_URL, DB_USER, DB_PASSWORD before its system properties (configure-server.cli). */
    Map<String, String> environment(ServerDatabase database) {
        Map<String, String> environment = new LinkedHashMap<>(secrets);
        environment.putIfAbsent("DB_URL", database.url()); // a test may route it through a Relay
        environment.putIfAbsent("DB_USER", database.user()); // or a PostgreSQL of the test's own
        environment.putIfAbsent("DB_PASSWORD", database.password());
        return environment;
    }

    private static List<String> words(String options) {
        return Arrays.stream(options.trim().split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }
}
