package org.argusee.platform.control;

/**
 * The pair's new role has taken effect ({@link MasterRole} is fired just before it does): a CDI event, fired
 * synchronously on the lease's thread right after. For whoever reads the role itself and must look again at once:
 * the scheduler's takeover probes, as soon as this server is active, every service it now tests (issue 16), which
 * it looked for once a second before (issue 17).
 */
public record RoleInEffect(MasterRole role) {}
