package org.argusee.darp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.argusee.testsupport.ArgusServer;

/**
 * The Prog services a chaos bench ({@link ChaosBench}, {@link ChaosMoreBench}) flips, and the files they test on
 * every server that runs them: which file each service tests, whether it is there now, and the flips.
 */
final class FlippedServices {

    /** By file: the full name of the service that tests it. */
    final Map<String, String> services = new LinkedHashMap<>();
    /** By file: whether it is there now. */
    final Map<String, Boolean> present = new LinkedHashMap<>();

    private final List<ArgusServer> servers = new ArrayList<>();

    /** The servers whose data folders hold the files from now on. */
    void on(ArgusServer... more) {
        servers.addAll(Arrays.asList(more));
    }

    /** Group Chaos under Top with these parameters (key, value...) and services c0.. testing chaos-0.., all there. */
    String build(ArgusServer master, List<String> parameters, int count) {
        String group = Cluster.create(master, "Top", Cluster.group("Chaos", parameters.toArray(String[]::new)));
        for (int i = 0; i < count; i++) {
            String file = "chaos-" + i;
            present.put(file, true);
            files(file, true);
            services.put(file, Cluster.create(master, group, Cluster.reachService("c" + i, file)));
        }
        return group;
    }

    /** The file created or removed on every server. */
    void files(String file, boolean there) {
        servers.forEach(s -> s.dataFile(file, there));
    }

    void flipAll() {
        present.replaceAll((file, was) -> {
            files(file, !was);
            return !was;
        });
    }
}
