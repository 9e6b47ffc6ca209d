package org.argusee.status.control;

/**
 * A service's status as several servers see it together (a DARP master combining its slaves' reports), to be
 * shown in place of this server's own result. {@code overridden}: the status is down only through servers that
 * report an override, so the service shows {@code override} (severity clear, no notification) although no
 * override is set here; the override lives on the server that reported it. {@code status} null: combined, but no
 * server has said anything yet, so the service stays as it is (unknown at first), as a probed service does
 * until its first answer.
 */
public record JointStatus(ServiceStatus status, boolean overridden) {

    private static final JointStatus NOT_YET = new JointStatus(null, false);

    public JointStatus {
        if (overridden && (status == null || !status.isDown())) {
            throw new IllegalArgumentException("only a down status can show override");
        }
    }

    /** Combined here, but nobody has reported it yet. */
    public static JointStatus notYet() {
        return NOT_YET;
    }

    public boolean known() {
        return status != null;
    }
}
