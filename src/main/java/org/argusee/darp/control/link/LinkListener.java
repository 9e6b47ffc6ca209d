package org.argusee.darp.control.link;

import java.util.List;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.darp.control.wire.ToldItem;

/** What a slave does with what its link brings. Called on the link's own thread: hand long work elsewhere. */
public interface LinkListener {

    /** A config the slave has not applied yet (a changed version). */
    void configFetched(ConfigDocument doc);

    /** The stream is up; {@code first} on the first connection since this link was made. */
    default void connected(boolean first) {}

    default void stateChanged(LinkState state) {}

    /** The master says what it notified of objects this slave is served (checked, never empty). */
    default void masterTold(String master, List<ToldItem> told) {}
}
