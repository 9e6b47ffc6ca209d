package org.argusee.darp.boundary;

import org.argusee.darp.control.wire.ToldItem;

/** This server noted that it told {@code item}; fired in the transaction that stores the notification. */
public record ToldNoted(ToldItem item) {}
