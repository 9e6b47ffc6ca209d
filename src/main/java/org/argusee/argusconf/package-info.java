/**
 * Argusconf: the original Argus configuration file, read, checked, imported and written back.
 * <p>
 * <b>Owns:</b> the parser and its model ({@code ConfigParser}, {@code ParsedConfig}), the checker and its
 * diagnostics ({@code ConfigChecker}, {@code Diagnostic}), the import of a config into the tree
 * ({@code ConfigImporter}, {@code ImportPlan}; the objects and parameters are written through tree's
 * {@code BulkTreeWrite}), the
 * non-object blocks (Method, Resolv, snmpoid, schedule, cron), writing a config out ({@code ConfigWriter}) and the
 * config API ({@code ConfigResource}).
 * <p>
 * <b>May use:</b> platform, security, tree. <b>Port for the components above:</b> {@code PeerSink} (what the
 * config's DARP block becomes; darp implements it).
 */
package org.argusee.argusconf;
