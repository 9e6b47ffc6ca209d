package org.argusee.argusconf.control;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.argusee.argusconf.control.model.ParsedBlock;
import org.argusee.argusconf.control.model.ParsedConfig;
import org.argusee.argusconf.control.model.ParsedParam;
import org.argusee.tree.control.ParameterContexts;

/**
 * Checks the blocks that are not objects: Methods, the DARP block with its peers, Resolv, snmpoid, and the
 * schedule and cron blocks of objects. parameters.txt has no context for snmpoid and cron blocks, so their
 * keys are checked against the few the original documents.
 */
final class BlockChecks {

    /** The database's rule for DARP tags and peer names (darp_peer.tag). */
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private static final Set<String> SNMPOID_KEYS = Set.of("oid", "idx");
    private static final Set<String> CRON_KEYS =
            Set.of("func", "text", "expires", "mode", "quiet", "param", "value", "user");

    private final ParamChecks params;
    private final DiagnosticLog log;

    BlockChecks(ParamChecks params, DiagnosticLog log) {
        this.params = params;
        this.log = log;
    }

    void check(ParsedConfig parsed) {
        for (ParsedBlock method : parsed.methods()) {
            params.check(method.params(), ParamChecks.METHOD);
            // Argus 3.7: "invalid Notification Method - command not specified"; only its built-in mail has one
            // to fall back on (sendmail -t), so a Method "mail" may change just the message
            if (!method.name().equals("mail")) {
                required(method, null, "command");
            }
            method.blocks().forEach(s -> params.schedule(s.name(), s.location(), ParamChecks.METHOD));
        }
        parsed.darp().ifPresent(this::darp);
        for (ParsedBlock block : parsed.blocks()) {
            if (block.keyword().equals("Resolv")) {
                params.check(block.params(), ParamChecks.RESOLV);
            } else {
                snmpoid(block);
            }
        }
    }

    /** schedule and cron blocks of one object. */
    void objectBlocks(List<ParsedBlock> blocks) {
        for (ParsedBlock b : blocks) {
            if (b.keyword().equals("schedule")) {
                params.schedule(b.name(), b.location(), ParameterContexts.TREE);
            } else {
                keys(b, CRON_KEYS);
                required(b, null, "func");
            }
        }
    }

    private void darp(ParsedBlock darp) {
        tag(darp, "DARP tag");
        params.check(darp.params(), ParamChecks.DARP);
        for (ParsedBlock peer : darp.blocks()) {
            tag(peer, peer.keyword() + " name");
            params.check(
                    peer.params(), peer.keyword().equals("master") ? ParamChecks.DARP_MASTER : ParamChecks.DARP_SLAVE);
            // parameters written in the DARP block apply to every master and slave in it
            required(peer, darp, "hostname");
            required(peer, darp, "secret");
        }
    }

    private void snmpoid(ParsedBlock block) {
        keys(block, SNMPOID_KEYS);
        required(block, null, "oid");
    }

    private void tag(ParsedBlock block, String what) {
        if (!TAG.matcher(block.name()).matches()) {
            log.error(
                    block.location(),
                    "invalid " + what + " '" + block.name() + "': use letters, digits, '.', '_' and '-' (at most 64)");
        }
    }

    private void keys(ParsedBlock block, Set<String> known) {
        for (ParsedParam p : block.params()) {
            if (!known.contains(p.key())) {
                log.warning(p.location(), "unused parameter '" + p.key() + "' - typo?");
            }
        }
    }

    private void required(ParsedBlock block, ParsedBlock enclosing, String key) {
        if (block.param(key).isEmpty()
                && (enclosing == null || enclosing.param(key).isEmpty())) {
            log.error(block.location(), block.keyword() + " \"" + block.name() + "\" needs '" + key + "'");
        }
    }
}
