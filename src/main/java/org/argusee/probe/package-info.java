/**
 * Probe: testing services on the network and on this host, on schedule.
 * <p>
 * <b>Owns:</b> the {@code Monitor}s, one per family of service types (TCP, UDP, DNS, SNMP, ping, Prog, URL,
 * Compute, Self, DARP watch), the non-blocking network loop and TLS they share ({@code NetLoop}); the spec a probe
 * runs with ({@code ProbeSpec}); what a probe saw ({@code Reply}, handed to status as its {@code RawResult}); the
 * {@code Scheduler} (one timer per service, retries, DARP takeover) and {@code Monitors} (service type to monitor).
 * Judging a reply (up or down, calc, value tests) is status's, not the probe's.
 * <p>
 * <b>May use:</b> platform, security, tree, status. <b>Ports for the components above:</b> {@code ProbeDuty} (whether
 * this server tests a service now, which darp decides) and {@code PeerLinks} (the DARP links a DARP/Watch service
 * looks at).
 */
package org.argusee.probe;
