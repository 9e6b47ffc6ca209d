package org.argusee.tree.control;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Object names. A service without a {@code uname} gets one from its type and effective parameters, as the
 * original names them, so that full names (used in {@code depends:}, aliases and {@code %{...}}) carry over
 * from an Argus config. Where the original has no rule of its own, the name follows its pattern:
 * protocol, what is tested, host.
 */
public final class Unames {

    public static final int MAX_LENGTH = 200;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    // The original's URL pattern, unanchored; the port is what the URL says, empty if it says none.
    private static final Pattern URL = Pattern.compile("(?i:https?)://([^:/]+)(?::([^/]+))?(/.*)?");

    private Unames() {}

    /**
     * The default uname, whitespace turned into {@code _}. From the original: {@code Ping_<host>},
     * {@code TCP_<port>_<host>}, {@code <App>_<host>} for TCP and UDP applications ({@code TCP_NFS_<host>}
     * over TCP), {@code URL_<host>:<port><path>}, {@code UDP_<port>_<host>}, {@code SNMP_<oid>_<host>},
     * {@code TCPRPC_}/{@code UDPRPC_<host>_<program>[_<version>]}, {@code Self_<param>},
     * {@code Prog_<command>}, {@code DB_<dsn>}, {@code COMPUTE_<expr>}, {@code DARP_WATCH_<mode>_<tag>}.
     * Ours, where the original's module is not known: {@code DNS[_<query>_<name>]_<host>},
     * {@code Domain_<zone>_<host>} (both {@code TCP_}-prefixed over TCP, as NFS),
     * {@code Agent_<param>[_<arg>]_<host>}, {@code Asterisk}/{@code Freeswitch_<cmd>_<host>} (two commands
     * on one PBX are two services).
     *
     * @param effective the service's effective parameters (hostname, port, url, command, oid, ...)
     * @throws IllegalArgumentException if a parameter the name is made of is missing, naming it
     */
    /**
     * A service's name: its own {@code uname} parameter when it has a non-blank one, else the original's default for
     * its type and effective parameters (what its parent passes down, overlaid with its own). The API and the config
     * importer both name services with this.
     *
     * @throws IllegalArgumentException naming the parameter the default name needs and lacks
     */
    public static String forService(
            ServiceType type, Map<String, EffectiveParameter> inherited, Map<String, String> own) {
        String uname = own.get("uname");
        if (uname != null && !uname.isBlank()) {
            return sanitize(uname);
        }
        Map<String, String> effective = new HashMap<>();
        inherited.forEach((key, p) -> effective.put(key, p.value()));
        effective.putAll(own);
        return defaultUname(type, effective);
    }

    public static String defaultUname(ServiceType type, Map<String, String> effective) {
        Names n = new Names(type, effective);
        String app = type.app();
        String name =
                switch (type.base()) {
                    case "Ping" -> "Ping_" + n.host();
                    case "TCP" -> app == null ? "TCP_" + n.need("port") + "_" + n.host() : n.tcp(app);
                    case "UDP" -> app == null ? "UDP_" + n.need("port") + "_" + n.host() : n.udp(app);
                    case "DNS" -> n.dns("");
                    case "Domain" -> n.domain("");
                    case "Self" -> "Self_" + n.restOr(0, "param");
                    case "Prog" -> "Prog_" + n.need("command");
                    case "DB" -> "DB_" + n.need("dsn");
                    case "Compute" -> "COMPUTE_" + n.need("expr");
                    case "Agent" -> "Agent_" + n.restOr(0, "param") + n.optional("arg") + "_" + n.host();
                    case "DARP" -> "DARP_WATCH_" + effective.getOrDefault("mode", "slave") + "_" + n.restOr(0, "watch");
                    default ->
                        throw new IllegalArgumentException("no default name for service type '" + type.text() + "'");
                };
        return sanitize(name);
    }

    /** Whitespace runs become {@code _} (the original's rule for unames), ends trimmed. */
    public static String sanitize(String name) {
        return WHITESPACE.matcher(name.strip()).replaceAll("_");
    }

    /**
     * Why the name cannot name an object, if it cannot: empty (a full name needs every part), whitespace
     * (the original turns it into {@code _}, and full names are written space-separated in {@code depends:}),
     * longer than {@value #MAX_LENGTH} or a control character (the database's limits). {@code :} is allowed:
     * the original's URL unames contain it.
     */
    public static Optional<String> checkName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("name is empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("name is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c)) {
                return Optional.of("name '" + name + "' contains whitespace; use _ instead");
            }
            if (Character.isISOControl(c)) {
                return Optional.of("name contains a control character");
            }
        }
        return Optional.empty();
    }

    /** The pieces a default name is made of, each failing with a clear message when missing. */
    private record Names(ServiceType type, Map<String, String> effective) {

        String host() {
            return need("hostname");
        }

        String need(String key) {
            String value = effective.get(key);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a " + type.canonical() + " service needs '" + key
                        + "' for its default name; set " + key + " or uname");
            }
            return value.strip();
        }

        String optional(String key) {
            String value = effective.get(key);
            return value == null || value.isBlank() ? "" : "_" + value.strip();
        }

        /** A part of the type ({@code Self/tested}) or else the parameter it stands for. */
        String restOr(int index, String key) {
            return type.rest().size() > index ? type.rest().get(index) : need(key);
        }

        String tcp(String app) {
            return switch (app) {
                case "URL" -> url();
                // the original prefixes NFS over TCP so it does not clash with UDP/NFS on the same host; DNS
                // and Domain over TCP follow that example
                case "NFS", "NFSv3" -> "TCP_" + app + "_" + host();
                case "DNS" -> dns("TCP_");
                case "Domain" -> domain("TCP_");
                case "RPC" -> rpc("TCPRPC_");
                case "Asterisk", "Freeswitch" -> app + optional("cmd") + "_" + host();
                default -> app + "_" + host();
            };
        }

        String udp(String app) {
            return switch (app) {
                case "SNMP", "SNMPv2c", "SNMPv3" -> "SNMP_" + restOr(0, "oid") + "_" + host();
                case "DNS" -> dns("");
                case "Domain" -> domain("");
                case "RPC" -> rpc("UDPRPC_");
                // the original's rule for the rest: the type after "UDP/", so UDP/NTP/Stratum is NTP/Stratum_host
                default -> app + (type.rest().isEmpty() ? "" : "/" + String.join("/", type.rest())) + "_" + host();
            };
        }

        String rpc(String prefix) {
            String version = type.rest().size() > 1 ? "_" + type.rest().get(1) : optional("version");
            return prefix + host() + "_" + restOr(0, "prognum") + version;
        }

        /** DNS, DNS/A/name, DNS/Serial/zone; the long form names its query and zone if set. */
        String dns(String prefix) {
            String what =
                    type.rest().isEmpty() ? optional("query") + optional("zone") : "_" + String.join("_", type.rest());
            return prefix + "DNS" + what + "_" + host();
        }

        String domain(String prefix) {
            return prefix + "Domain_" + restOr(0, "zone") + "_" + host();
        }

        String url() {
            Matcher m = URL.matcher(need("url"));
            if (!m.find()) {
                throw new IllegalArgumentException("url '" + effective.get("url")
                        + "' is not an http or https URL, so TCP/URL has no default name; set uname");
            }
            String port = m.group(2) == null ? "" : m.group(2);
            String file = m.group(3) == null ? "/" : m.group(3);
            return "URL_" + m.group(1) + ":" + port + file;
        }
    }
}
