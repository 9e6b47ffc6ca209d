package org.argusee.argusconf.boundary;

import java.util.List;

/**
 * What an import did (or, for a dry run, would do): to the tree under {@code root}, to the Method, Resolv, snmpoid,
 * schedule and cron blocks ({@code blocks}: "Top: Method \"mail\" added"), and to the DARP peers of its DARP block;
 * {@code notes} says what to do by hand (like this server's DARP tag).
 */
public record ImportReport(
        String mode,
        String root,
        boolean dryRun,
        boolean applied,
        List<String> added,
        List<String> changed,
        List<String> removed,
        int unchanged,
        List<String> blocks,
        List<String> darpPeersAdded,
        List<String> darpPeersUpdated,
        List<String> notes,
        List<DiagnosticView> warnings,
        String layout) {}
