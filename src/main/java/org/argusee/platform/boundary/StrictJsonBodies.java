package org.argusee.platform.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.argusee.platform.control.ArgusException;
import org.argusee.platform.control.FieldError;

/**
 * Checks a JSON request body against the record it is read into, before JSON-B reads it. Yasson is lenient where
 * the API must not be: it reads {@code [{...}]} as the object inside, {@code "perhaps"} as false, {@code 1.5} as 1
 * and {@code ["a"]} as "a", so a careless client would change what it never meant to. Each mismatch becomes a
 * field error naming the field; an empty body passes through (the resource says what it needs). Request bodies
 * are records for that reason (EndpointRolesTest checks it). Bodies are small: more than {@link #MAX_BYTES} is
 * refused before it is held in memory.
 */
@Provider
public class StrictJsonBodies implements ReaderInterceptor {

    static final int MAX_BYTES = 1 << 20;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!context.getType().isRecord() || !MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw new WebApplicationException(
                    "request body larger than " + MAX_BYTES + " bytes", Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return context.proceed();
        }
        JsonValue json;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            json = reader.readValue();
        } catch (JsonException e) {
            throw new ArgusException.Invalid("body", "the request body is not valid JSON: " + e.getMessage());
        }
        List<FieldError> errors = new ArrayList<>();
        check(context.getGenericType(), json, "", errors);
        ArgusException.Invalid.ifAny("the request body does not fit this call", errors);
        return context.proceed();
    }

    private static void check(Type type, JsonValue value, String field, List<FieldError> errors) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        Class<?> raw = raw(type);
        String name = field.isEmpty() ? "body" : field;
        if (raw.isRecord()) {
            if (!(value instanceof JsonObject object)) {
                errors.add(new FieldError(name, name + " must be a JSON object"));
                return;
            }
            List<String> known = new ArrayList<>();
            for (RecordComponent c : raw.getRecordComponents()) {
                known.add(c.getName());
                check(c.getGenericType(), object.get(c.getName()), join(field, c.getName()), errors);
            }
            object.keySet().stream()
                    .filter(k -> !known.contains(k))
                    .forEach(k -> errors.add(new FieldError(
                            join(field, k),
                            "'" + k + "' is not a field of this call; known: " + String.join(", ", known))));
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonArray array)) {
                errors.add(new FieldError(name, name + " must be a JSON array"));
                return;
            }
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            for (int i = 0; i < array.size(); i++) {
                check(element, array.get(i), name + "[" + i + "]", errors);
            }
        } else if (raw == String.class && value.getValueType() != JsonValue.ValueType.STRING) {
            errors.add(new FieldError(name, name + " must be a string"));
        } else if ((raw == Boolean.class || raw == boolean.class)
                && value.getValueType() != JsonValue.ValueType.TRUE
                && value.getValueType() != JsonValue.ValueType.FALSE) {
            errors.add(new FieldError(name, name + " must be true or false"));
        } else if ((raw == Integer.class || raw == int.class) && !isInt(value)) {
            errors.add(new FieldError(name, name + " must be a whole number"));
        }
    }

    private static boolean isInt(JsonValue value) {
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            return false;
        }
        try {
            number.intValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
