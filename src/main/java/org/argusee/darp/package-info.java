/**
 * DARP: several Argus servers monitoring together; the top of the component map.
 * <p>
 * <b>Owns:</b> the {@code argus.darp_peer} table and the peers API ({@code DarpPeer}, {@code DarpPeers}); slave
 * logins (SCRAM, {@code control.login}); the slave's link to its master, its reports and its copy of the master's
 * config ({@code control.link}, {@code SlaveRunner}, {@code SlaveConfigStore}); the wire format
 * ({@code control.wire}); which server tests what ({@code control.duty}, behind probe's {@code ProbeDuty}); the
 * master's combining of the servers' reports ({@code control.combine}: {@code DarpGravity}, {@code DarpReport},
 * {@code DarpState}, {@code DarpOutcome}, behind status's {@code ServiceCombiner}); this server's identity and role
 * ({@code DarpSettings}, {@code ServerResource}).
 * <p>
 * <b>May use:</b> every component below it: platform, security, tree, status, probe, argusconf. Nothing imports
 * darp; the components below reach it only through their own ports and events.
 */
package org.argusee.darp;
