/**
 * Live: the dashboard's WebSocket {@code /live} (docs/design/80-web.md).
 * <p>
 * <b>Owns:</b> the endpoint and its handshake (the login session, the Origin), the hub that numbers changes
 * ({@code StatusChanged} after commit, {@code TreeReloaded}, annotations, darp's peer and link events), the ring of recent changes for
 * {@code resume}, and each socket's bounded queue ({@code SocketQueue}, resync on overflow).
 * <p>
 * <b>May use:</b> platform, security, tree, status, darp (its events), web. Nothing uses it.
 */
package org.argusee.live;
