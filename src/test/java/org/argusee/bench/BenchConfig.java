package org.argusee.bench;

import java.util.function.IntFunction;

/**
 * The Argus configuration the DARP benchmark imports on the master: group {@code darpbench} with the redundant
 * services, spread over {@code 10} listener addresses of 10 ports each (100 listeners, a hundred services each), and
 * group {@code darpfailover} with the failover ones on an address of their own, so that its listeners' accepts are
 * probes of failover services only. Hosts of 10 services each; retries 0, so one probe decides a status.
 */
final class BenchConfig {

    private static final int PORTS = 10;
    private static final int REDUNDANT_ADDRESSES = 10;

    private BenchConfig() {}

    static String text(int services, int failoverServices, int frequency, String tags, String gravity) {
        StringBuilder sb = new StringBuilder();
        group(
                sb,
                "darpbench",
                "redundant",
                "\tdarp_tags: " + tags + "\n\tdarp_gravity: " + gravity + "\n",
                services / PORTS,
                h -> ProbeTargets.address(h % REDUNDANT_ADDRESSES),
                frequency);
        group(
                sb,
                "darpfailover",
                "failover",
                "",
                failoverServices / PORTS,
                h -> ProbeTargets.address(REDUNDANT_ADDRESSES),
                frequency);
        return sb.toString();
    }

    private static void group(
            StringBuilder sb,
            String name,
            String mode,
            String extra,
            int hosts,
            IntFunction<String> address,
            int frequency) {
        sb.append("Group \"")
                .append(name)
                .append("\" {\n\tfrequency: ")
                .append(frequency)
                .append("\n\tretries: 0\n\tdarp_mode: ")
                .append(mode)
                .append('\n')
                .append(extra);
        for (int h = 0; h < hosts; h++) {
            sb.append("\tHost \"")
                    .append(String.format("%s%05d", name.substring(4, 5), h))
                    .append("\" {\n")
                    .append("\t\thostname: ")
                    .append(address.apply(h))
                    .append('\n');
            for (int p = 0; p < PORTS; p++) {
                sb.append("\t\tService TCP {\n\t\t\tport: ")
                        .append(ProbeTargets.PORT_BASE + p)
                        .append("\n\t\t}\n");
            }
            sb.append("\t}\n");
        }
        sb.append("}\n");
    }
}
