package org.argusee.darp.control.wire;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The typed fields of a stream message, read strictly: a missing or mistyped one names the field and the place. */
final class Fields {

    private Fields() {}

    static Instant instant(JsonObject o, String where) throws BadMessage {
        String text = string(o, "at", where);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadMessage(
                    "malformed",
                    where + ": 'at' must be an ISO-8601 instant like " + "2026-11-24T10:15:30Z, not '" + clip(text)
                            + "'");
        }
    }

    static String string(JsonObject o, String key, String where) throws BadMessage {
        JsonValue v = o.get(key);
        if (!(v instanceof JsonString s)) {
            throw new BadMessage(
                    "malformed", where + ": '" + key + "' " + (v == null ? "is missing" : "must be a string"));
        }
        return s.getString();
    }

    static String optionalString(JsonObject o, String key) throws BadMessage {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        return string(o, key, "message");
    }

    static long number(JsonObject o, String key, String where) throws BadMessage {
        JsonValue v = o.get(key);
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw new BadMessage(
                    "malformed", where + ": '" + key + "' " + (v == null ? "is missing" : "must be a whole number"));
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw new BadMessage("malformed", where + ": '" + key + "' is out of range");
        }
    }

    static boolean bool(JsonObject o, String key, String where) throws BadMessage {
        JsonValue v = o.get(key);
        if (v != null && v.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (v != null && v.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw new BadMessage("malformed", where + ": '" + key + "' must be true or false");
    }

    static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
