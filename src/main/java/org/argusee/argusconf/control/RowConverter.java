package org.argusee.argusconf.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.argusee.argusconf.control.model.Diagnostic;
import org.argusee.argusconf.control.model.Location;
import org.argusee.argusconf.control.model.ParsedConfig;
import org.argusee.argusconf.control.model.ParsedObject;
import org.argusee.argusconf.control.model.ParsedParam;
import org.argusee.tree.control.EffectiveParameter;
import org.argusee.tree.control.Inheritance;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.Parameter;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.ParameterIssue;
import org.argusee.tree.control.ParameterValidator;
import org.argusee.tree.control.ServiceType;
import org.argusee.tree.control.Unames;

/**
 * Turns a parsed tree into rows, naming objects as the original does: whitespace in a name becomes {@code _}
 * (the written name is kept as {@code label} if none is set, so pages still show it); a service is named by
 * its {@code uname}, else by the default for its type and effective parameters. Effective parameters come from
 * {@link Inheritance}, the rule the snapshot uses, so a name here is the name the API would give. Of a key
 * repeated in one block the last line wins (the original's rule), at its position. Walks without recursion.
 */
public final class RowConverter {

    private final ParameterCatalog catalog;
    private final ParameterValidator validator;

    public RowConverter(ParameterCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.validator = new ParameterValidator(catalog);
    }

    private record Item(ParsedObject object, Long parentId, int position, Map<String, EffectiveParameter> inherited) {}

    public ConfigRows convert(ParsedConfig parsed) {
        List<ObjectRow> objects = new ArrayList<>();
        List<ParamRow> params = new ArrayList<>();
        Map<Long, List<ConfigBlock>> blocks = new HashMap<>();
        Map<Long, Location> locations = new HashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Deque<Item> stack = new ArrayDeque<>();
        stack.push(new Item(parsed.top(), null, 0, Map.of()));
        long nextId = ConfigRows.TOP_ID;
        while (!stack.isEmpty()) {
            Item item = stack.pop();
            ParsedObject o = item.object();
            long id = nextId++;
            List<ParsedParam> own = lastOfEach(o.params());
            String name =
                    switch (o.kind()) {
                        case TOP -> "Top";
                        case SERVICE -> serviceName(o, own, item.inherited(), id, diagnostics);
                        default -> Unames.sanitize(o.name());
                    };
            if (o.kind() != ObjectKind.TOP
                    && o.kind() != ObjectKind.SERVICE
                    && !name.equals(o.name())
                    && own.stream().noneMatch(p -> p.key().equals("label"))) {
                own.add(0, new ParsedParam("label", o.name(), false, o.location()));
            }
            String type = o.kind() == ObjectKind.SERVICE ? canonical(o.type()) : null;
            objects.add(new ObjectRow(id, item.parentId(), o.kind(), name, type, o.target(), item.position()));
            locations.put(id, o.location());
            List<ConfigBlock> ownBlocks = new ArrayList<>();
            if (o.kind() == ObjectKind.TOP) {
                parsed.methods().forEach(b -> ownBlocks.add(ConfigBlock.of(b)));
                parsed.blocks().forEach(b -> ownBlocks.add(ConfigBlock.of(b)));
            }
            o.blocks().forEach(b -> ownBlocks.add(ConfigBlock.of(b)));
            if (!ownBlocks.isEmpty()) {
                blocks.put(id, lastOfEachBlock(ownBlocks));
            }
            for (int i = 0; i < own.size(); i++) {
                ParsedParam p = own.get(i);
                params.add(new ParamRow(id, p.key(), p.value(), p.local(), i));
            }
            // only the values are used here; the written name as "source" spares building full names
            Map<String, EffectiveParameter> down = o.children().isEmpty()
                    ? Map.of()
                    : Inheritance.passDown(item.inherited(), o.kind(), name, usable(own), catalog, () -> o.name());
            for (int i = o.children().size() - 1; i >= 0; i--) {
                stack.push(new Item(o.children().get(i), id, i, down));
            }
        }
        return new ConfigRows(objects, params, blocks, locations, diagnostics);
    }

    private String serviceName(
            ParsedObject o,
            List<ParsedParam> own,
            Map<String, EffectiveParameter> inherited,
            long id,
            List<Diagnostic> diagnostics) {
        String fallback = "unnamed#" + id;
        ServiceType type;
        try {
            type = ServiceType.parse(o.type());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
        Map<String, String> ownValues = new HashMap<>();
        own.forEach(p -> ownValues.put(p.key(), p.value()));
        try {
            return Unames.forService(type, inherited, ownValues);
        } catch (IllegalArgumentException e) {
            diagnostics.add(Diagnostic.error(o.location(), e.getMessage()));
            return fallback;
        }
    }

    /** One block per identity (two Methods of one name are one: the last written, where it was written). */
    private static List<ConfigBlock> lastOfEachBlock(List<ConfigBlock> blocks) {
        Map<String, ConfigBlock> last = new LinkedHashMap<>();
        for (ConfigBlock b : blocks) {
            last.remove(b.identity());
            last.put(b.identity(), b);
        }
        return new ArrayList<>(last.values());
    }

    /** One parameter per key and form, the last written, where it was written. */
    static List<ParsedParam> lastOfEach(List<ParsedParam> params) {
        Map<String, ParsedParam> last = new LinkedHashMap<>();
        for (ParsedParam p : params) {
            String slot = (p.local() ? "!" : "") + p.key();
            last.remove(slot);
            last.put(slot, p);
        }
        return new ArrayList<>(last.values());
    }

    private List<Parameter> usable(List<ParsedParam> own) {
        List<Parameter> usable = new ArrayList<>(own.size());
        for (ParsedParam p : own) {
            if (validator.check(p.key(), p.value()).stream()
                    .noneMatch(i -> i.severity() == ParameterIssue.Severity.ERROR)) {
                usable.add(new Parameter(p.key(), p.value(), p.local()));
            }
        }
        return usable;
    }

    /** As the API stores types; a type that does not parse is kept as written, for the checker to report. */
    private static String canonical(String type) {
        try {
            return ServiceType.parse(type).canonical();
        } catch (IllegalArgumentException e) {
            return type;
        }
    }
}
