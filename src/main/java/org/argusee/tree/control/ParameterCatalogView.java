package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.argusee.tree.control.ServiceKinds.Base;
import org.argusee.tree.control.ServiceKinds.Kind;

/**
 * The parameter catalog as the administrator's pages read it: the service types (with what may follow each and
 * the parameters it takes) and every parameter an object of the tree may carry, with its default and meaning.
 * Built from {@link ServiceKinds}, {@link ServiceContexts} and {@link ParameterCatalog}: no second list to keep.
 *
 * @param objectParameters  keys every object reads (notification, web, image, DARP settings)
 * @param serviceParameters keys every service reads, besides the object ones
 * @param topParameters     keys of the top-level data, stored on Top
 * @param aliasParameters   keys only an alias reads
 */
public record ParameterCatalogView(
        List<String> kinds,
        List<ServiceEntry> services,
        List<String> dnsQueries,
        List<String> objectParameters,
        List<String> serviceParameters,
        List<String> topParameters,
        List<String> aliasParameters,
        Map<String, ParameterEntry> parameters) {

    /**
     * One type (base or base/application) of the picker.
     *
     * @param port       the port it implies, null if the parameters say
     * @param tail       what may follow: NONE, ONE, REST_OF_TEXT (an SNMP OID), RPC, DNS_QUERY
     * @param parameters keys its classes read beyond every service's
     * @param required   keys it cannot do without (as the probe's plan checks them): the create form shows them first
     */
    public record ServiceEntry(
            String type,
            String base,
            String app,
            Integer port,
            String tail,
            boolean selectable,
            List<String> parameters,
            List<String> required) {}

    /**
     * @param contexts the original's classes that read it, e.g. {@code TCP}, {@code MonEl (notify)}
     */
    public record ParameterEntry(
            String description,
            String defaultValue,
            List<String> values,
            boolean inherited,
            boolean bool,
            boolean timespec,
            boolean deprecated,
            boolean topOnly,
            List<String> contexts) {}

    public static ParameterCatalogView of(ParameterCatalog catalog) {
        List<ServiceEntry> services = new ArrayList<>();
        for (String baseName : ServiceKinds.baseNames()) {
            Base base = ServiceKinds.base(baseName).orElseThrow();
            services.add(entry(catalog, base.kind(), baseName, null, !base.appRequired()));
            for (Kind app : base.apps().values()) {
                services.add(entry(catalog, app, baseName, app.name(), true));
            }
        }
        Map<String, ParameterEntry> parameters = new LinkedHashMap<>();
        for (String name : catalog.names()) {
            catalog.rule(name).ifPresent(rule -> parameters.put(name, parameter(rule)));
        }
        return new ParameterCatalogView(
                List.of("Group", "Host", "Service", "Alias"),
                List.copyOf(services),
                ServiceKinds.DNS_QUERIES,
                keys(catalog, ServiceContexts.OBJECT),
                keys(catalog, ServiceContexts.SERVICE),
                keys(catalog, List.of("Conf")),
                keys(catalog, List.of("Alias")),
                Map.copyOf(parameters));
    }

    private static ServiceEntry entry(
            ParameterCatalog catalog, Kind kind, String base, String app, boolean selectable) {
        List<String> keys = keys(catalog, ServiceContexts.classes(base, app));
        return new ServiceEntry(
                app == null ? base : base + "/" + app,
                base,
                app,
                kind.port(),
                kind.tail().name(),
                selectable,
                keys,
                required(kind, base, app, keys));
    }

    /**
     * What ProbeSpec refuses a plan without: a TCP or UDP type with no port of its own needs {@code port}, plain
     * UDP needs {@code send}. (A hostname is needed too, but comes from the Host the service is made under.)
     */
    private static List<String> required(Kind kind, String base, String app, List<String> keys) {
        List<String> required = new ArrayList<>();
        if (kind.port() == null && ("TCP".equals(base) || "UDP".equals(base))) {
            required.add("port");
        }
        if ("UDP".equals(base) && app == null) {
            required.add("send");
        }
        return required.stream().filter(keys::contains).toList();
    }

    /** Keys defined in any of the classes, sorted. */
    private static List<String> keys(ParameterCatalog catalog, List<String> classes) {
        Predicate<String> in = ParameterContexts.inClass(classes.toArray(String[]::new));
        Set<String> keys = new TreeSet<>();
        for (String name : catalog.names()) {
            if (catalog.isKnownIn(name, in)) {
                keys.add(name);
            }
        }
        return List.copyOf(keys);
    }

    private static ParameterEntry parameter(ParameterRule rule) {
        List<ParameterDefinition> tree = rule.definitions();
        return new ParameterEntry(
                tree.get(0).description(),
                rule.defaultValue(),
                rule.values(),
                rule.inherited(),
                rule.bool(),
                rule.timespec(),
                rule.deprecated(),
                tree.stream().allMatch(ParameterDefinition::topOnly),
                tree.stream().map(ParameterDefinition::context).distinct().toList());
    }
}
