package org.argusee.darp.control.wire;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.argusee.darp.control.wire.ConfigDocument.Entry;
import org.argusee.tree.control.Parameter;

/** The served config to and from JSON; reading checks the structure a slave builds its tree from. */
public final class ConfigDocuments {

    private static final Set<String> CONTAINERS = Set.of("Top", "Group", "Host");
    private static final Set<String> KINDS = Set.of("Top", "Group", "Host", "Service");

    private ConfigDocuments() {}

    /** The document with its version: a digest of everything else, so equal content has an equal version. */
    public static ConfigDocument versioned(ConfigDocument doc) {
        String text = write(doc.withVersion(null));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return doc.withVersion(HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    public static String write(ConfigDocument doc) {
        JsonArrayBuilder objects = JsonFactories.BUILDERS.createArrayBuilder();
        for (Entry e : doc.objects()) {
            JsonObjectBuilder o = JsonFactories.BUILDERS
                    .createObjectBuilder()
                    .add("name", e.name())
                    .add("fullName", e.fullName())
                    .add("parent", e.parent())
                    .add("kind", e.kind());
            if (e.type() != null) {
                o.add("type", e.type());
            }
            JsonArrayBuilder params = JsonFactories.BUILDERS.createArrayBuilder();
            for (Parameter p : e.parameters()) {
                JsonObjectBuilder pb = JsonFactories.BUILDERS
                        .createObjectBuilder()
                        .add("key", p.key())
                        .add("value", p.value());
                params.add(p.local() ? pb.add("local", true) : pb);
            }
            objects.add(o.add("parameters", params));
        }
        JsonObjectBuilder b = JsonFactories.BUILDERS
                .createObjectBuilder()
                .add("protocol", Message.PROTOCOL)
                .add("master", doc.master())
                .add("slave", doc.slave());
        if (doc.version() != null) {
            b.add("version", doc.version());
        }
        return b.add("objects", objects).build().toString();
    }

    public static ConfigDocument read(String text) throws BadMessage {
        JsonObject o;
        try (JsonReader reader = JsonFactories.READERS.createReader(new StringReader(text == null ? "" : text))) {
            o = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw bad("config is not a JSON object: " + e.getMessage());
        }
        if (!(o.get("protocol") instanceof JsonNumber p) || p.intValue() != Message.PROTOCOL) {
            throw bad("config 'protocol' must be " + Message.PROTOCOL);
        }
        if (!(o.get("objects") instanceof JsonArray array) || array.isEmpty()) {
            throw bad("config 'objects' must be a non-empty array");
        }
        List<Entry> entries = new ArrayList<>(array.size());
        for (int n = 0; n < array.size(); n++) {
            entries.add(entry(array.get(n), n, entries));
        }
        return new ConfigDocument(
                string(o, "master", "config"), string(o, "slave", "config"), string(o, "version", "config"), entries);
    }

    private static Entry entry(JsonValue v, int n, List<Entry> before) throws BadMessage {
        String where = "config object " + n;
        if (!(v instanceof JsonObject o)) {
            throw bad(where + ": not an object");
        }
        String name = string(o, "name", where);
        String kind = string(o, "kind", where);
        if (!KINDS.contains(kind)) {
            throw bad(where + ": kind must be Top, Group, Host or Service, not '" + kind + "'");
        }
        if (!(o.get("parent") instanceof JsonNumber pn) || !pn.isIntegral()) {
            throw bad(where + ": 'parent' must be a whole number");
        }
        int parent = pn.intValue();
        if (n == 0 ? !kind.equals("Top") || parent != -1 : kind.equals("Top")) {
            throw bad(where + ": Top comes first, once, with parent -1");
        }
        if (n > 0
                && (parent < 0
                        || parent >= n
                        || !CONTAINERS.contains(before.get(parent).kind()))) {
            throw bad(where + ": 'parent' must be the index of an earlier Top, Group or Host");
        }
        if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(c -> Character.isWhitespace(c) || c < 32)) {
            throw bad(where + ": 'name' must be 1-200 characters without whitespace");
        }
        String type = o.containsKey("type") ? string(o, "type", where) : null;
        if (kind.equals("Service") == (type == null || type.isBlank())) {
            throw bad(where + ": a Service has a 'type', nothing else does");
        }
        String fullName = n == 0 ? "Top" : before.get(parent).fullName() + ":" + name;
        return new Entry(name, fullName, parent, kind, type, parameters(o, where));
    }

    /** A parameters array alone (Top's, kept on a slave), checked as in a document. */
    public static List<Parameter> readParameters(String text) throws BadMessage {
        JsonArray array;
        try (JsonReader reader = JsonFactories.READERS.createReader(new StringReader(text == null ? "" : text))) {
            array = reader.readArray();
        } catch (JsonException | IllegalStateException e) {
            throw bad("parameters are not a JSON array: " + e.getMessage());
        }
        return parameters(array, "kept Top");
    }

    private static List<Parameter> parameters(JsonObject o, String where) throws BadMessage {
        if (!(o.get("parameters") instanceof JsonArray array)) {
            throw bad(where + ": 'parameters' must be an array");
        }
        return parameters(array, where);
    }

    private static List<Parameter> parameters(JsonArray array, String where) throws BadMessage {
        List<Parameter> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String at = where + " parameter " + i;
            if (!(array.get(i) instanceof JsonObject p)) {
                throw bad(at + ": not an object");
            }
            String key = string(p, "key", at);
            if (key.isEmpty()) {
                throw bad(at + ": empty key");
            }
            out.add(new Parameter(key, string(p, "value", at), p.getBoolean("local", false)));
        }
        return out;
    }

    private static String string(JsonObject o, String key, String where) throws BadMessage {
        if (!(o.get(key) instanceof JsonString s)) {
            throw bad(where + ": '" + key + "' must be a string");
        }
        return s.getString();
    }

    private static BadMessage bad(String message) {
        return new BadMessage("bad-config", message);
    }
}
