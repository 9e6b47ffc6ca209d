package org.argusee.probe.control;

/**
 * A DARP peer's link came up or went down, or the peers themselves changed (a CDI event, fired synchronously by
 * DARP on a network thread or the peers' reader). The scheduler then looks again at the {@code DARP/Watch} services
 * watching {@code tag} and, when {@code dutyChanged}, at which services this server tests now (a slave taking over
 * from its lost master).
 *
 * @param tag         the peer whose link changed; null when the peers changed (no link to look at)
 * @param dutyChanged who tests what may have changed with it (the link to a master, the peers)
 */
public record DarpMoved(String tag, boolean dutyChanged) {}
