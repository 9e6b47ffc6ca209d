package org.argusee.darp.control.wire;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.argusee.darp.control.wire.Message.Ack;
import org.argusee.darp.control.wire.Message.ConfigChanged;
import org.argusee.darp.control.wire.Message.ErrorReply;
import org.argusee.darp.control.wire.Message.Hello;
import org.argusee.darp.control.wire.Message.Ping;
import org.argusee.darp.control.wire.Message.Pong;
import org.argusee.darp.control.wire.Message.Rejected;
import org.argusee.darp.control.wire.Message.Reports;
import org.argusee.darp.control.wire.Message.Welcome;

/**
 * Stream messages to and from JSON text. Reading checks the shape strictly and names what is wrong (field, item
 * index): a structural fault fails the whole message, a report item with a bad value is only rejected, so it can
 * still be acked.
 */
public final class Messages {

    public static final int MAX_ITEMS = 1000;
    public static final int MAX_TEXT = 1 << 20;

    private Messages() {}

    public static Message parse(String text) throws BadMessage {
        if (text == null || text.isBlank()) {
            throw new BadMessage("malformed", "empty message");
        }
        if (text.length() > MAX_TEXT) {
            throw new BadMessage("malformed", "message longer than " + MAX_TEXT + " characters");
        }
        JsonObject o;
        try (JsonReader reader = JsonFactories.READERS.createReader(new StringReader(text))) {
            JsonValue v = reader.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new BadMessage("malformed", "a message is a JSON object, not " + v.getValueType());
            }
            o = v.asJsonObject();
        } catch (JsonParsingException e) {
            throw new BadMessage("malformed", "not JSON: " + e.getMessage());
        } catch (JsonException e) {
            throw new BadMessage("malformed", "not JSON: " + e.getMessage());
        }
        String type = Fields.string(o, "type", "message");
        return switch (type) {
            case "hello" ->
                new Hello(
                        (int) Fields.number(o, "protocol", type),
                        Fields.string(o, "token", type),
                        Fields.number(o, "timeoutMillis", type));
            case "welcome" ->
                new Welcome(
                        (int) Fields.number(o, "protocol", type),
                        Fields.string(o, "master", type),
                        Fields.number(o, "lastSeq", type),
                        Fields.number(o, "timeoutMillis", type),
                        Fields.optionalString(o, "configVersion"));
            case "reports" -> reports(o);
            case "ack" -> new Ack(Fields.number(o, "seq", type), toldItems(o));
            case "config-changed" -> new ConfigChanged(Fields.string(o, "version", type));
            case "ping" -> new Ping(Fields.number(o, "id", type));
            case "pong" -> new Pong(Fields.number(o, "id", type));
            case "error" ->
                new ErrorReply(
                        Fields.string(o, "code", type),
                        Fields.string(o, "message", type),
                        o.containsKey("seq") ? Fields.number(o, "seq", type) : null);
            default -> throw new BadMessage("malformed", "unknown message type '" + Fields.clip(type) + "'");
        };
    }

    public static String write(Message m) {
        JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder();
        if (m instanceof Hello h) {
            b.add("type", "hello")
                    .add("protocol", h.protocol())
                    .add("token", h.token())
                    .add("timeoutMillis", h.timeoutMillis());
        } else if (m instanceof Welcome w) {
            b.add("type", "welcome")
                    .add("protocol", w.protocol())
                    .add("master", w.master())
                    .add("lastSeq", w.lastSeq())
                    .add("timeoutMillis", w.timeoutMillis());
            if (w.configVersion() != null) {
                b.add("configVersion", w.configVersion());
            }
        } else if (m instanceof Reports r) {
            JsonArrayBuilder items = JsonFactories.BUILDERS.createArrayBuilder();
            r.items().forEach(i -> items.add(item(i)));
            b.add("type", "reports").add("items", items);
        } else if (m instanceof Ack a) {
            b.add("type", "ack").add("seq", a.seq());
            if (!a.told().isEmpty()) {
                JsonArrayBuilder told = JsonFactories.BUILDERS.createArrayBuilder();
                a.told()
                        .forEach(t -> told.add(JsonFactories.BUILDERS
                                .createObjectBuilder()
                                .add("object", t.object())
                                .add("status", t.status())
                                .add("severity", t.severity())
                                .add("at", t.at().toString())));
                b.add("told", told);
            }
        } else if (m instanceof ConfigChanged c) {
            b.add("type", "config-changed").add("version", c.version());
        } else if (m instanceof Ping p) {
            b.add("type", "ping").add("id", p.id());
        } else if (m instanceof Pong p) {
            b.add("type", "pong").add("id", p.id());
        } else if (m instanceof ErrorReply e) {
            b.add("type", "error").add("code", e.code()).add("message", e.message());
            if (e.seq() != null) {
                b.add("seq", e.seq());
            }
        }
        return b.build().toString();
    }

    /** The message's {@code type} on the wire. */
    public static String type(Message m) {
        if (m instanceof ConfigChanged) {
            return "config-changed";
        }
        if (m instanceof ErrorReply) {
            return "error";
        }
        return m.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static JsonObjectBuilder item(ReportItem i) {
        JsonObjectBuilder b = JsonFactories.BUILDERS
                .createObjectBuilder()
                .add("seq", i.seq())
                .add("object", i.object())
                .add("status", i.status())
                .add("severity", i.severity());
        if (i.reason() != null) {
            b.add("reason", i.reason());
        }
        b.add("at", i.at().toString()).add("override", i.override());
        if (i.told() != null) {
            b.add(
                    "told",
                    JsonFactories.BUILDERS
                            .createObjectBuilder()
                            .add("status", i.told().status())
                            .add("severity", i.told().severity())
                            .add("at", i.told().at().toString()));
        }
        return b;
    }

    private static ReportItem.Told told(JsonObject item, String where) throws BadMessage {
        JsonValue v = item.get("told");
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonObject t)) {
            throw new BadMessage("malformed", where + ": 'told' must be an object");
        }
        String in = where + " told";
        return new ReportItem.Told(
                Fields.string(t, "status", in), Fields.string(t, "severity", in), Fields.instant(t, in));
    }

    /**
     * An ack's optional {@code told} items (what the master notified). Unlike a report item, a bad one fails the
     * whole message: the slave keeps nothing of it, so nothing is half applied, and the master hears why.
     */
    private static List<ToldItem> toldItems(JsonObject o) throws BadMessage {
        JsonValue v = o.get("told");
        if (v == null || v == JsonValue.NULL) {
            return List.of();
        }
        if (!(v instanceof JsonArray array)) {
            throw new BadMessage("malformed", "ack: 'told' must be an array");
        }
        if (array.size() > MAX_ITEMS) {
            throw new BadMessage("malformed", "ack: at most " + MAX_ITEMS + " told items, not " + array.size());
        }
        List<ToldItem> items = new ArrayList<>();
        for (int n = 0; n < array.size(); n++) {
            String where = "ack told item " + n;
            if (!(array.get(n) instanceof JsonObject i)) {
                throw new BadMessage("malformed", where + ": not an object");
            }
            ToldItem item = new ToldItem(
                    Fields.string(i, "object", where),
                    Fields.string(i, "status", where),
                    Fields.string(i, "severity", where),
                    Fields.instant(i, where));
            String problem = item.problem();
            if (problem != null) {
                throw new BadMessage("malformed", where + ": " + problem);
            }
            items.add(item);
        }
        return items;
    }

    private static Reports reports(JsonObject o) throws BadMessage {
        JsonValue v = o.get("items");
        if (!(v instanceof JsonArray array)) {
            throw new BadMessage("malformed", "reports: 'items' must be an array");
        }
        if (array.size() > MAX_ITEMS) {
            throw new BadMessage(
                    "malformed", "reports: at most " + MAX_ITEMS + " items per message, not " + array.size());
        }
        List<ReportItem> items = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (int n = 0; n < array.size(); n++) {
            String where = "reports item " + n;
            if (!(array.get(n) instanceof JsonObject i)) {
                throw new BadMessage("malformed", where + ": not an object");
            }
            long seq = Fields.number(i, "seq", where);
            if (seq < 1) {
                throw new BadMessage("malformed", where + ": 'seq' must be at least 1");
            }
            String problem = null;
            ReportItem item = null;
            try {
                item = new ReportItem(
                        seq,
                        Fields.string(i, "object", where),
                        Fields.string(i, "status", where),
                        Fields.string(i, "severity", where),
                        Fields.optionalString(i, "reason"),
                        Fields.instant(i, where),
                        i.containsKey("override") && Fields.bool(i, "override", where),
                        told(i, where));
                problem = item.problem();
            } catch (BadMessage e) {
                problem = e.getMessage();
            }
            if (problem == null) {
                items.add(item);
            } else {
                rejected.add(new Rejected(seq, problem.startsWith(where) ? problem : where + ": " + problem));
            }
        }
        return new Reports(items, rejected);
    }
}
