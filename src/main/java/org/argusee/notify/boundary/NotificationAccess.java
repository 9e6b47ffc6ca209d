package org.argusee.notify.boundary;

import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;

/**
 * The port through which the notifications API asks who may see and acknowledge what. The ACLs of the tree live in
 * {@code web}, above notify, which implements this; notify only applies the answers (a hidden object's
 * notifications are left out of lists and counts, answer 404 alone, and are never acknowledged by that caller).
 */
public interface NotificationAccess {

    /** The full names of the objects whose notifications the caller may not see; empty when they see all. */
    Set<String> hidden(SecurityContext caller);

    /** Whether the caller may acknowledge this object's notifications (they may see it and its ACL lets them). */
    boolean mayAck(SecurityContext caller, String objectName);
}
