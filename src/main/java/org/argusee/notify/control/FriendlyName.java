package org.argusee.notify.control;

import java.util.Optional;
import org.argusee.tree.control.ServiceType;

/**
 * The original's {@code friendlyname} of an object, which its default ("friendly") messages name it by: a TCP
 * service "TCP/<port> on <host>", or "<APP> on <host>" for a known application ("SMTP on mail.example.com"),
 * "URL <url>" for TCP/URL; "<oid> on <host>" for SNMP, "DNS for <zone> on <host>" for DNS, "test of argus internal
 * <param>" for Self (TCP.pm, Argus::SNMP.pm, DNS.pm, Self.pm config); every other object its name (uname). A
 * {@code friendlyname} set in the configuration wins.
 */
public final class FriendlyName {

    private FriendlyName() {}

    /**
     * @param type   the service's type; null for groups, hosts and services whose type does not parse
     * @param uname  the object's own name (the last part of its full name)
     * @param params the object's effective parameters
     */
    public static String of(ServiceType type, String uname, ParamLookup params) {
        Optional<String> set = params.get("friendlyname");
        if (set.isPresent() || type == null) {
            return set.orElse(uname);
        }
        String host = params.get("hostname").orElse("");
        String app = type.app() == null ? "" : type.app();
        Optional<String> friendly;
        if (type.base().equals("DNS") || type.base().equals("Domain") || app.equals("DNS") || app.equals("Domain")) {
            friendly = params.get("zone").map(z -> "DNS for " + z + " on " + host);
        } else if (type.base().equals("TCP")) {
            friendly = tcp(type, host, params);
        } else if (app.startsWith("SNMP")) {
            friendly = params.get("oid")
                    .or(() -> type.rest().isEmpty() ? Optional.empty() : Optional.of(String.join("/", type.rest())))
                    .map(oid -> oid + " on " + host);
        } else if (type.base().equals("Self")) {
            friendly = params.get("param")
                    .or(() -> type.rest().stream().findFirst())
                    .map(p -> "test of argus internal " + p);
        } else {
            friendly = Optional.empty();
        }
        return friendly.orElse(uname);
    }

    private static Optional<String> tcp(ServiceType type, String host, ParamLookup params) {
        if (type.app() == null) {
            return params.get("port")
                    .or(() -> type.defaultPort().isPresent()
                            ? Optional.of(Integer.toString(type.defaultPort().getAsInt()))
                            : Optional.empty())
                    .map(port -> "TCP/" + port + " on " + host);
        }
        if ("URL".equals(type.app())) {
            return params.get("url").map(url -> "URL " + url);
        }
        return Optional.of((type.app().contains("NFS") ? "TCP/" : "") + type.app() + " on " + host);
    }
}
