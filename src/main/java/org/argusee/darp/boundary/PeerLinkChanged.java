package org.argusee.darp.boundary;

/**
 * A DARP peer's link came up or went down, as this server sees it: a slave's stream on a master, or the master
 * link on a slave. Fired synchronously (no transaction) by whoever watches the link; observers must be quick and
 * must not wait for the database, as the caller may be a network thread.
 *
 * @param tag    the peer's tag
 * @param master true when the peer is this server's master, false when it is one of its slaves
 * @param up     connected and alive now
 * @param reason why it went down; null when up
 */
public record PeerLinkChanged(String tag, boolean master, boolean up, String reason) {}
