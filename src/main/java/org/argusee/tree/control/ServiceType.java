package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.argusee.tree.control.ServiceKinds.Base;
import org.argusee.tree.control.ServiceKinds.Kind;

/**
 * A service type as written after {@code Service}: a base, for TCP, UDP and DARP an application, then the
 * rest ({@code UDP/SNMP/ifOperStatus.2}, {@code DNS/A/www.example.com}, {@code DARP/Watch/slave1}).
 * Matching is case-insensitive because configs write {@code DARP/WATCH}; {@code base} and {@code app} hold
 * the canonical spelling, {@code text} what was written.
 *
 * @param app  null if the type names no application
 * @param rest the parts after base and application, as written (a DNS query type is canonicalised)
 */
public record ServiceType(String text, String base, String app, List<String> rest) {

    public ServiceType {
        rest = List.copyOf(rest);
    }

    /** @throws IllegalArgumentException naming the type and what is wrong with it */
    public static ServiceType parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("service type is empty: write e.g. Ping, TCP/SMTP or UDP/SNMP");
        }
        if (ParameterValidator.hasSpaceOrControl(text)) {
            throw bad(text, "contains whitespace");
        }
        List<String> parts = Arrays.asList(text.split("/", -1));
        if (parts.contains("")) {
            throw bad(text, "has an empty part");
        }
        Base base = ServiceKinds.base(parts.get(0))
                .orElseThrow(() -> bad(
                        text,
                        "'" + parts.get(0) + "' is not a known service; known: "
                                + String.join(", ", ServiceKinds.baseNames())));
        Kind kind = base.kind();
        String app = null;
        int next = 1;
        if (!base.apps().isEmpty() && parts.size() > 1) {
            String wanted = parts.get(1);
            kind = base.app(wanted)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unknown " + base.kind().name()
                                    + " application '" + wanted + "' in service type '" + text + "'; known: "
                                    + String.join(", ", base.appNames())));
            app = kind.name();
            next = 2;
        } else if (base.appRequired()) {
            throw bad(text, "needs an application: " + String.join(", ", base.appNames()));
        }
        List<String> rest = tail(text, kind, parts.subList(next, parts.size()));
        return new ServiceType(text, base.kind().name(), app, rest);
    }

    /** The type with base, application and DNS query type spelled as Argus documents them. */
    public String canonical() {
        List<String> parts = new ArrayList<>();
        parts.add(base);
        if (app != null) {
            parts.add(app);
        }
        parts.addAll(rest);
        return String.join("/", parts);
    }

    /** The port the type implies (TCP/SMTP 25, UDP/SNMP 161, DNS 53); empty if it depends on parameters. */
    public OptionalInt defaultPort() {
        Integer port = ServiceKinds.base(base)
                .flatMap(b -> app == null ? Optional.of(b.kind()) : b.app(app))
                .map(Kind::port)
                .orElse(null);
        return port == null ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** Base and application, e.g. {@code TCP/SMTP}, {@code Ping}. */
    public String family() {
        return app == null ? base : base + "/" + app;
    }

    private static List<String> tail(String text, Kind kind, List<String> rest) {
        String what = kind.name();
        switch (kind.tail()) {
            case NONE -> {
                if (!rest.isEmpty()) {
                    throw bad(text, what + " takes nothing after it");
                }
            }
            case ONE -> {
                if (rest.size() > 1) {
                    throw bad(text, what + " takes at most one part after it");
                }
            }
            case REST_OF_TEXT -> {
                return rest.isEmpty() ? List.of() : List.of(String.join("/", rest));
            }
            case RPC -> {
                if (rest.size() > 2) {
                    throw bad(text, "RPC takes a program and an optional version, like UDP/RPC/mountd/3");
                }
            }
            case DNS_QUERY -> {
                return dnsQuery(text, rest);
            }
        }
        return rest;
    }

    private static List<String> dnsQuery(String text, List<String> rest) {
        if (rest.isEmpty()) {
            return rest;
        }
        if (rest.size() != 2) {
            throw bad(text, "a DNS query needs a query type and a name, like DNS/A/www.example.com");
        }
        String query = ServiceKinds.DNS_QUERIES.stream()
                .filter(q -> q.toLowerCase(Locale.ROOT).equals(rest.get(0).toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> bad(
                        text,
                        "unknown DNS query type '" + rest.get(0) + "'; known: "
                                + String.join(", ", ServiceKinds.DNS_QUERIES)));
        return List.of(query, rest.get(1));
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("bad service type '" + text + "': " + why);
    }
}
