package org.argusee.darp.boundary;

/**
 * A DARP peer was created, changed or deleted through the application (observe after success): its tokens stop
 * working and its stream is closed, so a rotated secret or a narrowed address list takes effect at once, and the
 * topology ({@link DarpHere}) is read again. Changes made by plain SQL take effect at the peer's next login.
 */
public record PeerChanged(String tag) {}
