package org.argusee.darp.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.argusee.argusconf.control.PeerSink;
import org.argusee.argusconf.control.model.ParsedConfig;

/**
 * The importer's DARP block becomes peers here: argusconf hands the parsed config down through its
 * {@link PeerSink} port, and the peers are written in the importer's transaction.
 */
@ApplicationScoped
public class ConfigPeers implements PeerSink {

    @Inject
    DarpPeers peers;

    @Override
    public Peers put(ParsedConfig parsed, boolean dryRun) {
        DarpBlockImport.Result darp = DarpBlockImport.read(parsed);
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (DarpBlockImport.PeerSpec p : darp.peers()) {
            boolean isNew = dryRun
                    ? !peers.exists(p.tag())
                    : peers.putFromConfig(
                            p.tag(),
                            p.role(),
                            p.addresses(),
                            p.secret(),
                            p.remoteUrl(),
                            p.label(),
                            p.hidden(),
                            p.timeoutSeconds());
            (isNew ? added : updated).add(p.tag());
        }
        return new Peers(added, updated, darp.warnings());
    }
}
