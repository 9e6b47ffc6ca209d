package org.argusee.security;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.function.Predicate;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.Endpoints.Endpoint;
import org.argusee.testsupport.Mutator;

/**
 * The malformed requests of {@link RestFuzzIT}, per endpoint: a body made from the endpoint's own input type
 * (found by reflection, so a new field or endpoint is fuzzed the day it is written) then broken, path and query
 * values from pools of names the fuzz owns plus hostile ones, and sometimes the wrong content type. Names the fuzz
 * does not own are never put where a write would reach them ({@link #owned}).
 */
final class RestInputs {

    static final String ROOT = "Top:Fuzz";
    static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "application/json; charset=ISO-8859-1",
            "application/zip",
            "*/*",
            "application/problem+json");

    private final Mutator mutator;
    private final Random random;
    private final List<String> objects;
    private final List<String> configTexts;
    private final Predicate<String> owned;

    RestInputs(Mutator mutator, List<String> objects, List<String> configTexts, Predicate<String> owned) {
        this.mutator = mutator;
        this.objects = objects;
        this.random = mutator.random();
        this.configTexts = configTexts;
        this.owned = owned;
    }

    record Request(String method, String path, String body, String contentType) {
        @Override
        public String toString() {
            return method + " " + path + " [" + contentType + "] "
                    + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    Request next(Endpoint e) {
        String path = fill(e);
        String query = query(e);
        String body = null;
        String type = null;
        Class<?> entity = entity(e);
        if (entity != null || e.writes()) {
            boolean text = !e.consumes().contains("json");
            body = text ? text() : json(entity);
            type = random.nextInt(8) == 0 ? CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())) : e.consumes();
            if (random.nextInt(20) == 0) {
                body = null; // no body at all
            }
        }
        return new Request(e.httpMethod(), path + query, body, type);
    }

    private String text() {
        String seed = configTexts.get(random.nextInt(configTexts.size()));
        return random.nextInt(5) == 0
                ? seed
                : Mutator.ofTexts(random.nextLong(), List.of(seed)).nextText();
    }

    /** The endpoint's input type as JSON, then broken: a field's value, a field gone, one unknown, or the bytes. */
    private String json(Class<?> entity) {
        Map<String, Class<?>> fields = fields(entity);
        StringJoiner object = new StringJoiner(",", "{", "}");
        for (Map.Entry<String, Class<?>> f : fields.entrySet()) {
            int how = random.nextInt(10);
            if (how == 0) {
                continue; // missing
            }
            String value = how == 1 ? hostile() : sample(f.getKey(), f.getValue());
            object.add("\"" + f.getKey() + "\":" + value);
        }
        if (random.nextInt(4) == 0) {
            object.add("\"unknownField" + random.nextInt(3) + "\":" + hostile());
        }
        String json = object.toString();
        return switch (random.nextInt(6)) {
            case 0 -> Mutator.ofTexts(random.nextLong(), List.of(json)).nextText();
            case 1 ->
                List.of("null", "[]", "\"text\"", "1", "", "{}", "[" + json + "]")
                        .get(random.nextInt(7));
            default -> json;
        };
    }

    /** A JSON value of any type, hostile to the field it lands in. */
    private String hostile() {
        return switch (random.nextInt(6)) {
            case 0 -> "null";
            case 1 -> "[" + quote(mutator.nextValue()) + "]";
            case 2 -> "{\"a\":" + quote(mutator.nextValue()) + "}";
            case 3 ->
                List.of("1e999", "-1", "9223372036854775808", "0.5", "true").get(random.nextInt(5));
            default -> quote(mutator.nextValue());
        };
    }

    private String sample(String name, Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "1";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return name.toLowerCase().contains("role") ? "[\"user\"]" : "[\"127.0.0.1\"]";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "{\"frequency\":\"60\"}";
        }
        String lower = name.toLowerCase();
        String value = lower.contains("password") || lower.contains("secret")
                ? "fuzz-password-" + random.nextInt(1000) + "-long-enough"
                : lower.contains("type") ? "TCP/SSH" : lower.contains("parent") ? ROOT : "fuzz" + random.nextInt(5);
        return quote(random.nextInt(3) == 0 ? mutator.nextValue() : value);
    }

    private String fill(Endpoint e) {
        String path = e.path();
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int open = path.indexOf('{'); open >= 0; open = path.indexOf('{', at)) {
            int close = path.indexOf('}', open);
            out.append(path, at, open);
            String name = path.substring(open + 1, close);
            out.append(Api.encode(guarded(e, value(name))));
            at = close + 1;
        }
        return out.append(path.substring(at)).toString();
    }

    private String value(String template) {
        boolean hostile = random.nextInt(4) == 0;
        return switch (template) {
            case "fullName" -> hostile ? mutator.nextValue() : objects.get(random.nextInt(objects.size()));
            case "username" -> hostile ? mutator.nextValue() : "fuzzvictim";
            case "tag" -> hostile ? mutator.nextValue() : "fuzzpeer";
            case "name" -> hostile ? mutator.nextValue() : "fuzzmethod";
            case "key" ->
                hostile
                        ? mutator.nextValue()
                        : List.of("frequency", "port", "retries", "hostname").get(random.nextInt(4));
            default -> hostile ? mutator.nextValue() : Long.toString(1_000_000_000L + random.nextInt(1000));
        };
    }

    /** A write never reaches what the fuzz does not own: such a value becomes a name nobody has. */
    private String guarded(Endpoint e, String value) {
        String v = value.length() > 2000 ? value.substring(0, 2000) : value;
        return e.writes() && !owned.test(v) ? ROOT + ":none" : v;
    }

    private String query(Endpoint e) {
        StringJoiner q = new StringJoiner("&", "?", "");
        q.setEmptyValue("");
        for (Parameter p : e.method().getParameters()) {
            QueryParam qp = p.getAnnotation(QueryParam.class);
            if (qp == null || random.nextInt(3) == 0) {
                continue;
            }
            String v =
                    switch (qp.value()) {
                        case "root", "parent", "object" -> random.nextBoolean() ? ROOT : mutator.nextValue();
                        case "mode" -> List.of("merge", "replace", "MERGE", "x").get(random.nextInt(4));
                        case "dryRun", "recursive", "local" ->
                            List.of("true", "false", "yes", "").get(random.nextInt(4));
                        default -> random.nextBoolean() ? defaultOf(p) : mutator.nextValue();
                    };
            v = v.length() > 2000 ? v.substring(0, 2000) : v;
            if ((qp.value().equals("root") || qp.value().equals("object")) && e.writes() && !owned.test(v)) {
                v = ROOT; // an import, a replace or a new block under anything but the fuzz's own group
            }
            q.add(qp.value() + "=" + Api.encode(v));
        }
        if (e.path().startsWith("/api/config/import") && !q.toString().contains("root=")) {
            q.add("root=" + Api.encode(ROOT)); // the default root is Top: never replaced by the fuzz
        }
        if (random.nextInt(10) == 0) {
            q.add("unknown=x");
        }
        return q.toString();
    }

    private static String defaultOf(Parameter p) {
        DefaultValue d = p.getAnnotation(DefaultValue.class);
        return d == null ? "1" : d.value();
    }

    /** The parameter the body is read into: the one with no JAX-RS annotation. */
    static Class<?> entity(Endpoint e) {
        for (Parameter p : e.method().getParameters()) {
            boolean annotated = false;
            for (Annotation a : p.getAnnotations()) {
                annotated |= a.annotationType().getPackageName().startsWith("jakarta.ws.rs")
                        || a.annotationType() == Context.class;
            }
            if (!annotated) {
                return p.getType();
            }
        }
        return null;
    }

    private static Map<String, Class<?>> fields(Class<?> type) {
        Map<String, Class<?>> out = new java.util.LinkedHashMap<>();
        if (type == null || type == String.class || type.getName().startsWith("java.")) {
            return out;
        }
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                out.put(c.getName(), c.getType());
            }
            return out;
        }
        for (Field f : type.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                out.put(f.getName(), f.getType());
            }
        }
        return out;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
