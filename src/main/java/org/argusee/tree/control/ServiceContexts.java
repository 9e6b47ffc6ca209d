package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which classes of parameters.txt a service type reads, besides those of every object (MonEl, DARP::MonEl) and
 * of every service (Service, DARP::Service). The original's classes inherit from each other (a DNS test is a UDP
 * test, which is an IP test; SNMP is UDP plus Argus::SNMP); this table writes that out per base and application,
 * so the type picker can list a type's own parameters.
 */
public final class ServiceContexts {

    /** Classes every object reads. */
    public static final List<String> OBJECT = List.of("MonEl", "DARP::MonEl");

    /** Classes every service reads, besides {@link #OBJECT}. */
    public static final List<String> SERVICE = List.of("Service", "DARP::Service");

    private static final Map<String, List<String>> BY_BASE = Map.ofEntries(
            Map.entry("Ping", List.of("Ping", "Argus::IP")),
            Map.entry("TCP", List.of("TCP", "Argus::IP")),
            Map.entry("UDP", List.of("UDP", "Argus::IP")),
            Map.entry("DNS", List.of("DNS", "UDP", "Argus::IP")),
            Map.entry("Domain", List.of("DNS", "UDP", "Argus::IP")),
            Map.entry("Self", List.of("Self")),
            Map.entry("Prog", List.of("Prog")),
            Map.entry("DB", List.of("DataBase")),
            Map.entry("Compute", List.of("Argus::Compute")),
            Map.entry("Agent", List.of("Argus::Agent", "TCP", "Argus::IP")),
            Map.entry("DARP", List.of("DARP::Watch")));

    private static final Map<String, List<String>> BY_APP = Map.ofEntries(
            Map.entry("RPC", List.of("Argus::RPC")),
            Map.entry("SIP", List.of("Argus::SIP")),
            Map.entry("Asterisk", List.of("Argus::Asterisk")),
            Map.entry("Freeswitch", List.of("Argus::Freeswitch")),
            Map.entry("DNS", List.of("DNS")),
            Map.entry("Domain", List.of("DNS")),
            Map.entry("SNMP", List.of("Argus::SNMP")),
            Map.entry("SNMPv2c", List.of("Argus::SNMP")),
            Map.entry("SNMPv3", List.of("Argus::SNMP")));

    private ServiceContexts() {}

    /** The classes of a base and (null for none) application, in the order they are most specific last. */
    public static List<String> classes(String base, String app) {
        List<String> classes = new ArrayList<>(BY_BASE.getOrDefault(base, List.of()));
        if (app != null) {
            BY_APP.getOrDefault(app, List.of()).stream()
                    .filter(c -> !classes.contains(c))
                    .forEach(classes::add);
        }
        return List.copyOf(classes);
    }
}
