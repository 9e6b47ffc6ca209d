package org.argusee.notify.control;

import java.time.Instant;

/**
 * On a DARP slave about to tell a state: whether its master told that very state after anything this server told
 * of the object, so that telling it now would say it twice. Down states compare their severity (a down at
 * another severity is news); an up is an up.
 */
public final class ToldBefore {

    private ToldBefore() {}

    /**
     * @param masterStatus   what the master told last: status, severity, time of its transition
     * @param ownAt          when this server's last told transition of the object was (null: it told none)
     * @return whether {@code telling} was told already by the master
     */
    public static boolean byMaster(
            Telling telling, String masterStatus, String masterSeverity, Instant masterAt, Instant ownAt) {
        if (!telling.status().label().equals(masterStatus)) {
            return false;
        }
        if (telling.down() && !telling.severity().label().equals(masterSeverity)) {
            return false;
        }
        return ownAt == null || ownAt.isBefore(masterAt);
    }
}
