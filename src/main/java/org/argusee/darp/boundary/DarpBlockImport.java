package org.argusee.darp.boundary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.argusee.argusconf.control.model.ParsedBlock;
import org.argusee.argusconf.control.model.ParsedConfig;
import org.argusee.argusconf.control.model.ParsedParam;
import org.argusee.darp.control.PeerRules;

/**
 * The DARP block of an imported config as peers: each {@code slave} block becomes a slave peer (its secret a SCRAM
 * verifier), each {@code master} block a master peer. Parameters written in the DARP block itself apply to every
 * peer in it, as in the original. A master's secret is not kept: this server would need it in clear to log in,
 * so it belongs in ARGUS_DARP_MASTER_SECRET, which the warning says.
 */
final class DarpBlockImport {

    /** One peer to write. {@code secret} is null for masters; never logged (see toString). */
    record PeerSpec(
            String tag,
            String role,
            String addresses,
            String secret,
            String remoteUrl,
            String label,
            boolean hidden,
            Integer timeoutSeconds) {

        @Override
        public String toString() {
            return role + " '" + tag + "'";
        }
    }

    record Result(List<PeerSpec> peers, List<String> warnings) {}

    private DarpBlockImport() {}

    static Result read(ParsedConfig parsed) {
        List<PeerSpec> peers = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<ParsedBlock> darp = parsed.darp();
        if (darp.isEmpty()) {
            return new Result(peers, warnings);
        }
        warnings.add("this config names this server '" + darp.get().name() + "' (its DARP block): run it with"
                + " ARGUS_DARP_TAG=" + darp.get().name());
        for (ParsedBlock block : darp.get().blocks()) {
            boolean slave = block.keyword().equalsIgnoreCase("slave");
            if (!slave && !block.keyword().equalsIgnoreCase("master")) {
                continue;
            }
            Map<String, String> p = effective(darp.get(), block);
            String where = block.location().file() + ":" + block.location().line();
            String host = p.get("hostname");
            if (host == null || !PeerRules.addresses(List.of(host)).isEmpty()) {
                warnings.add(where + ": " + block.keyword() + " '" + block.name() + "' skipped: hostname '" + host
                        + "' is not a hostname or address");
                continue;
            }
            String secret = p.get("secret");
            if (slave && secret != null && PeerRules.secret(secret).isPresent()) {
                warnings.add(where + ": the secret of slave '" + block.name() + "' is shorter than "
                        + PeerRules.MIN_SECRET_LENGTH + " characters; consider rotating it");
            }
            if (!slave && secret != null) {
                warnings.add(where + ": the secret of master '" + block.name() + "' is not stored; set"
                        + " ARGUS_DARP_MASTER_SECRET (and ARGUS_DARP_MASTER_URL) on this server");
            }
            String url = p.get("remote_url");
            if (url != null && PeerRules.remoteUrl(url).isPresent()) {
                warnings.add(where + ": remote_url '" + url + "' ignored: not an http(s) URL");
                url = null;
            }
            peers.add(new PeerSpec(
                    block.name(),
                    slave ? "slave" : "master",
                    host,
                    slave ? secret : null,
                    url,
                    p.get("label"),
                    "yes".equalsIgnoreCase(p.getOrDefault("hidden", "no")),
                    timeout(p.get("timeout"))));
        }
        return new Result(peers, warnings);
    }

    private static Map<String, String> effective(ParsedBlock darp, ParsedBlock peer) {
        Map<String, String> values = new HashMap<>();
        for (ParsedParam p : darp.params()) {
            values.put(p.key(), p.value());
        }
        for (ParsedParam p : peer.params()) {
            values.put(p.key(), p.value());
        }
        return values;
    }

    private static Integer timeout(String text) {
        if (text == null) {
            return null;
        }
        try {
            long seconds = org.argusee.tree.control.TimeValue.parseSeconds(text);
            return seconds >= 1 && seconds <= 86400 ? (int) seconds : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
