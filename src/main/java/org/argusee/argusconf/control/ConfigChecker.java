package org.argusee.argusconf.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.argusee.argusconf.control.model.Diagnostic;
import org.argusee.argusconf.control.model.Location;
import org.argusee.argusconf.control.model.ParsedConfig;
import org.argusee.argusconf.control.model.ParsedObject;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.ParameterContexts;
import org.argusee.tree.control.ServiceType;
import org.argusee.tree.control.TreeSnapshot;

/**
 * The syntax check: every error and warning of a configuration at once, each with file and line, and nothing
 * changed anywhere. Values are judged by {@link org.argusee.tree.control.ParameterValidator} in each block's
 * context; names and duplicates by building the {@link TreeSnapshot} the rows make, so an import, the REST API
 * and SQL edits share one definition of a full name.
 */
public final class ConfigChecker {

    private final ParameterCatalog catalog;

    public ConfigChecker(ParameterCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    public CheckedConfig check(ConfigSource source) {
        return check(ConfigParser.parse(source));
    }

    public CheckedConfig check(ParsedConfig parsed) {
        DiagnosticLog log = new DiagnosticLog(ConfigLimits.defaults().maxDiagnostics());
        ParamChecks params = new ParamChecks(catalog, log);
        BlockChecks blocks = new BlockChecks(params, log);
        blocks.check(parsed);
        for (ParsedObject o : parsed.objects()) {
            params.check(o.params(), ParameterContexts.TREE);
            if (o.kind() != ObjectKind.TOP) {
                params.notAtTop(o.params());
            }
            blocks.objectBlocks(o.blocks());
            if (o.kind() == ObjectKind.SERVICE) {
                serviceType(o, log);
            }
        }
        ConfigRows rows = new RowConverter(catalog).convert(parsed);
        rows.diagnostics().forEach(log::add);
        TreeSnapshot tree = rows.snapshot(catalog);
        new TreeProblems(tree, rows, log).report();
        hostnames(tree, rows, log);
        List<Diagnostic> all = new ArrayList<>(parsed.diagnostics());
        all.addAll(inFileOrder(log.list()));
        return new CheckedConfig(parsed, rows, tree, all);
    }

    /** Checks run by kind (blocks, objects, names); the reader wants them by place: files as met, then lines. */
    private static List<Diagnostic> inFileOrder(List<Diagnostic> found) {
        Map<String, Integer> rank = new HashMap<>();
        found.forEach(d -> rank.putIfAbsent(d.file(), rank.size()));
        List<Diagnostic> sorted = new ArrayList<>(found);
        sorted.sort(
                Comparator.comparingInt((Diagnostic d) -> rank.get(d.file())).thenComparingInt(Diagnostic::line));
        return sorted;
    }

    /**
     * A service that probes a host needs one, also when a {@code uname} names it (then the default name, which
     * would have asked for it, is not made): Argus 3.7 fails it, "Hostname not specified".
     */
    private static void hostnames(TreeSnapshot tree, ConfigRows rows, DiagnosticLog log) {
        tree.nodes()
                .filter(n -> n.kind() == ObjectKind.SERVICE)
                // without a uname the default name asked for the hostname already
                .filter(n -> n.ownParameters().stream().anyMatch(p -> p.key().equals("uname")))
                .forEach(n -> n.serviceType()
                        .filter(ConfigChecker::probesAHost)
                        .filter(t ->
                                n.param("hostname").filter(h -> !h.isBlank()).isEmpty())
                        .ifPresent(t -> log.error(
                                rows.location(n.id()).orElse(new Location("", 0)),
                                "a " + t.canonical() + " service needs 'hostname'")));
    }

    /** The types whose probe goes to a host named by {@code hostname}; TCP/URL takes it from its url. */
    private static boolean probesAHost(ServiceType t) {
        return switch (t.base()) {
            case "Ping", "UDP", "DNS", "Domain", "Agent" -> true;
            case "TCP" -> !"URL".equals(t.app());
            default -> false;
        };
    }

    private static void serviceType(ParsedObject o, DiagnosticLog log) {
        try {
            ServiceType type = ServiceType.parse(o.type());
            NotUsedHere.list()
                    .type(type)
                    .ifPresent(why -> log.warning(
                            o.location(), "service type '" + o.type() + "' accepted, not used by this server: " + why));
        } catch (IllegalArgumentException e) {
            log.error(o.location(), e.getMessage());
        }
    }
}
