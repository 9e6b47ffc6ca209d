package org.argusee.darp.boundary;

import java.time.Instant;
import org.argusee.darp.control.master.SlaveConversation;

/**
 * A slave welcomed on this master's stream ({@link SlaveStreams}). {@code version}: the config version it was last
 * told of.
 */
final class SlaveLink {
    final String tag;
    final SlaveConversation conversation;
    final SlaveSocket socket;
    final Instant since;
    volatile String version;

    SlaveLink(String tag, SlaveConversation conversation, SlaveSocket socket, Instant since, String version) {
        this.tag = tag;
        this.conversation = conversation;
        this.socket = socket;
        this.since = since;
        this.version = version;
    }
}
