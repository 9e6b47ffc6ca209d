package org.argusee.probe.control;

/**
 * A DARP peer's link came up or went down (a CDI event, fired synchronously by DARP on a network thread). The
 * scheduler then looks again at the {@code DARP/Watch} services watching {@code tag} and, when
 * {@code dutyChanged}, at which services this server tests now (a slave taking over from its lost master).
 *
 * @param tag         the peer whose link changed
 * @param dutyChanged who tests what may have changed with it (the link to a master)
 */
public record DarpMoved(String tag, boolean dutyChanged) {}
