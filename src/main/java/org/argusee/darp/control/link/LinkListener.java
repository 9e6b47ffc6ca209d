package org.argusee.darp.control.link;

import java.util.List;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.darp.control.wire.ReportItem;
import org.argusee.darp.control.wire.ToldItem;

/** What a slave does with what its link brings. Called on the link's own thread: hand long work elsewhere. */
public interface LinkListener {

    /** A config the slave has not applied yet (a changed version). */
    void configFetched(ConfigDocument doc);

    /** The stream is up; {@code first} on the first connection since this link was made. */
    default void connected(boolean first) {}

    default void stateChanged(LinkState state) {}

    /**
     * The master has applied these reports (its ack, or its welcome's last number): a transition they carry is the
     * master's to tell. Quick: called on the link's thread.
     */
    default void reportsApplied(List<ReportItem> items) {}

    /** The master says what it notified of objects this slave is served (checked, never empty). */
    default void masterTold(String master, List<ToldItem> told) {}
}
