package org.argusee.notify.boundary;

import java.util.List;

/**
 * Notifications of these objects were created or acknowledged, or their deliveries sent or failed. Fired inside the transaction that wrote them, so an
 * observer {@code during = AFTER_SUCCESS} (the live socket) hears of it only once it is committed, and never of a
 * batch that rolled back.
 *
 * @param objects the objects' full names, each once
 */
public record NotificationsChanged(List<String> objects) {

    public NotificationsChanged {
        objects = List.copyOf(objects);
    }
}
