package org.argusee.argusconf.boundary;

import java.util.List;
import java.util.Map;

/**
 * What an import did (or, for a dry run, would do): to the tree under {@code root}, to the Method, Resolv, snmpoid,
 * schedule and cron blocks ({@code blocks}: "Top: Method \"mail\" added"), and to the DARP peers of its DARP block;
 * {@code changes} what differs in each changed object ("frequency: 60 -> 30");
 * {@code notes} says what to do by hand (like this server's DARP tag); {@code layout} how an upload was read (a
 * config directory, or which main file with its includes).
 */
public record ImportReport(
        String mode,
        String root,
        boolean dryRun,
        boolean applied,
        List<String> added,
        List<String> changed,
        Map<String, List<String>> changes,
        List<String> removed,
        int unchanged,
        List<String> blocks,
        List<String> darpPeersAdded,
        List<String> darpPeersUpdated,
        List<String> notes,
        List<DiagnosticView> warnings,
        String layout) {}
