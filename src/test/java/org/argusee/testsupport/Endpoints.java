package org.argusee.testsupport;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.argusee.platform.boundary.ArgusApplication;

/**
 * Every JAX-RS resource method of the application, found by reflection over the compiled classes, with the roles
 * it declares. Both the unit test of the annotations and the integration test that calls each one use this list,
 * so a new endpoint is checked the day it is written.
 */
public final class Endpoints {

    private static final String ROOT_PACKAGE = "org/argusee";
    /** The DARP protocol's calls, for slaves rather than users: open at the HTTP level (web.xml), token-checked. */
    public static final String DARP_PROTOCOL = "/api/darp/v1/";

    public record Endpoint(
            String httpMethod,
            String path,
            Class<?> resource,
            Method method,
            Set<String> roles,
            boolean permitAll,
            boolean declared) {

        /** The path with every {template} filled by a harmless value. */
        public String samplePath() {
            return path.replaceAll("\\{[^}]+}", "Top");
        }

        /** The media type the endpoint reads, to send it a body it accepts (so the answer is about the role). */
        public String consumes() {
            jakarta.ws.rs.Consumes c = method.isAnnotationPresent(jakarta.ws.rs.Consumes.class)
                    ? method.getAnnotation(jakarta.ws.rs.Consumes.class)
                    : resource.getAnnotation(jakarta.ws.rs.Consumes.class);
            return c == null ? "application/json" : c.value()[0];
        }

        public boolean writes() {
            return !httpMethod.equals("GET") && !httpMethod.equals("HEAD") && !httpMethod.equals("OPTIONS");
        }

        @Override
        public String toString() {
            return httpMethod + " " + path + " (" + resource.getSimpleName() + "." + method.getName() + ")";
        }
    }

    private Endpoints() {}

    /** Every endpoint meant for users (behind the login); {@link #darpProtocol()} lists the others. */
    public static List<Endpoint> all() {
        return every().stream().filter(e -> !e.path().startsWith(DARP_PROTOCOL)).toList();
    }

    public static List<Endpoint> darpProtocol() {
        return every().stream().filter(e -> e.path().startsWith(DARP_PROTOCOL)).toList();
    }

    private static List<Endpoint> every() {
        String applicationPath = null;
        List<Class<?>> resources = new ArrayList<>();
        for (Class<?> c : classes()) {
            if (c.isAnnotationPresent(ApplicationPath.class)) {
                applicationPath = c.getAnnotation(ApplicationPath.class).value();
            }
            if (c.isAnnotationPresent(Path.class)) {
                resources.add(c);
            }
        }
        if (applicationPath == null) {
            throw new IllegalStateException("no @ApplicationPath class found");
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> resource : resources) {
            for (Method m : resource.getMethods()) {
                String http = httpMethod(m);
                if (http == null) {
                    continue;
                }
                String path = join(
                        applicationPath,
                        resource.getAnnotation(Path.class).value(),
                        m.isAnnotationPresent(Path.class)
                                ? m.getAnnotation(Path.class).value()
                                : "");
                AnnotatedElement source = declares(m) ? m : resource;
                Set<String> roles = new TreeSet<>();
                if (source.isAnnotationPresent(RolesAllowed.class)) {
                    roles.addAll(Arrays.asList(
                            source.getAnnotation(RolesAllowed.class).value()));
                }
                endpoints.add(new Endpoint(
                        http,
                        path,
                        resource,
                        m,
                        roles,
                        source.isAnnotationPresent(PermitAll.class),
                        declares(m) || declares(resource)));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::httpMethod));
        return endpoints;
    }

    private static boolean declares(AnnotatedElement e) {
        return e.isAnnotationPresent(RolesAllowed.class)
                || e.isAnnotationPresent(PermitAll.class)
                || e.isAnnotationPresent(DenyAll.class);
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            String trimmed = p.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                sb.append('/').append(trimmed);
            }
        }
        return sb.toString();
    }

    private static List<Class<?>> classes() {
        // where the application's classes are (target/classes): asked of one of them, since a package name alone
        // may also be found among the tests' classes
        var source = ArgusApplication.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IllegalStateException("application classes not on the classpath");
        }
        try {
            java.nio.file.Path classesDir =
                    java.nio.file.Path.of(source.getLocation().toURI());
            java.nio.file.Path base = classesDir.resolve(ROOT_PACKAGE);
            List<Class<?>> result = new ArrayList<>();
            try (Stream<java.nio.file.Path> files = Files.walk(base)) {
                for (java.nio.file.Path f :
                        files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String name = classesDir
                            .relativize(f)
                            .toString()
                            .replace('/', '.')
                            .replaceAll("\\.class$", "");
                    if (!name.contains("$")) {
                        result.add(Class.forName(name, false, Endpoints.class.getClassLoader()));
                    }
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
