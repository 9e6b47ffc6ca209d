package org.argusee.darp.control.duty;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one server knows of the DARP servers around it: its own tag, its masters and its slaves (the peers it
 * has configured, connected or not). As in the original, a server is a master when it has slaves and a slave
 * when it has masters; it may be both.
 */
public record DarpTopology(String self, Set<String> masters, Set<String> slaves) {

    public DarpTopology {
        Objects.requireNonNull(self, "self");
        if (self.isBlank()) {
            throw new IllegalArgumentException("this server's DARP tag is blank");
        }
        masters = Collections.unmodifiableSet(new TreeSet<>(masters));
        slaves = Collections.unmodifiableSet(new TreeSet<>(slaves));
        if (masters.contains(self) || slaves.contains(self)) {
            throw new IllegalArgumentException("DARP tag '" + self + "' is this server's own; it cannot be a peer");
        }
    }

    /** A server with no DARP peers. */
    public static DarpTopology standalone(String self) {
        return new DarpTopology(self, Set.of(), Set.of());
    }

    public boolean isMaster() {
        return !slaves.isEmpty();
    }

    public boolean isSlave() {
        return !masters.isEmpty();
    }

    public boolean hasPeers() {
        return isMaster() || isSlave();
    }

    /** Every server this one knows, itself included: what {@code *} means here. Sorted. */
    public Set<String> all() {
        Set<String> all = new TreeSet<>(masters);
        all.addAll(slaves);
        all.add(self);
        return Collections.unmodifiableSet(all);
    }

    public boolean knows(String tag) {
        return self.equals(tag) || masters.contains(tag) || slaves.contains(tag);
    }
}
