package org.argusee.darp.control.combine;

/** What decided a combined status. */
public enum Basis {
    /**
     * This server's own result: gravity {@code self}, mode none or failover, or a server with no slaves, which
     * has no one's reports to combine (as the original).
     */
    OWN_RESULT,
    /** {@code darp_gravity} over the servers' reports, the quorums agreeing or unset. */
    GRAVITY,
    /** The gravity says down, but fewer servers than {@code darp_quorum} report down: it stays up. */
    QUORUM_NOT_MET,
    /** The gravity says up, but fewer servers than {@code darp_recovery_quorum} report up: it stays down. */
    RECOVERY_QUORUM_NOT_MET
}
