package org.argusee.argusconf.control;

import java.util.List;
import org.argusee.argusconf.control.model.ParsedConfig;

/**
 * Where the peers of an imported config's DARP block go. The importer reads the whole config, but DARP peers
 * belong to the darp component, which sits above argusconf: so argusconf owns this port and darp implements it,
 * and the dependency points one way only.
 */
public interface PeerSink {

    /** What became of the DARP block: the peer tags added and updated, and what the user should know. */
    record Peers(List<String> added, List<String> updated, List<String> warnings) {

        public Peers {
            added = List.copyOf(added);
            updated = List.copyOf(updated);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Adds or updates the peers of {@code parsed}'s DARP block (never deletes one); with {@code dryRun} only says
     * which would be added and which updated.
     */
    Peers put(ParsedConfig parsed, boolean dryRun);
}
