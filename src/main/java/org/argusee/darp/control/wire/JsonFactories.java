package org.argusee.darp.control.wire;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonReaderFactory;
import java.util.Map;

/**
 * The JSON builders and readers of the wire, made once. Each {@code Json.createObjectBuilder()} looks the provider up
 * again (a ServiceLoader scan of the class path) and makes a new one with its own buffer pool: a config document of
 * 4,000 services asks that some 13,000 times per write, which took minutes under load (docs/benchmarks.md, "DARP: a
 * slave's config after a change").
 */
final class JsonFactories {

    static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private JsonFactories() {}
}
