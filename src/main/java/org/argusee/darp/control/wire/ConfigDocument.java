package org.argusee.darp.control.wire;

import java.util.List;
import java.util.Objects;
import org.argusee.tree.control.Parameter;

/**
 * The config a master serves to one slave (docs/design/60-darp.md, "Config fetch"): objects parents first, each
 * with its own parameters only. {@code version} identifies the content; it is also the ETag.
 */
public record ConfigDocument(String master, String slave, String version, List<Entry> objects) {

    /**
     * One object. {@code parent} is the index of its parent in the list (-1 for Top), because a name may itself
     * hold ':' (URL services) and so a full name cannot always be split back.
     */
    public record Entry(
            String name, String fullName, int parent, String kind, String type, List<Parameter> parameters) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            parameters = List.copyOf(parameters);
        }
    }

    public ConfigDocument {
        objects = List.copyOf(objects);
    }

    public ConfigDocument withVersion(String newVersion) {
        return new ConfigDocument(master, slave, newVersion, objects);
    }
}
