package org.argusee.tree.boundary;

/** A parameter as a client sends it; {@code local} true is the "key!: value" form (not inherited). */
public record ParameterInput(String key, String value, Boolean local) {

    public boolean isLocal() {
        return Boolean.TRUE.equals(local);
    }
}
