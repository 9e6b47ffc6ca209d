package org.argusee.tree.control;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which contexts of parameters.txt belong to objects of the monitoring tree. A context is the "used in" text;
 * its class is the part before any " (group)": {@code MonEl (notify)} is class {@code MonEl}.
 *
 * <p>This matters because one name means different things in different places: {@code port} is a service's
 * own (not inherited) port on TCP/UDP, but inherited inside a DARP {@code master} block; {@code timeout},
 * {@code label} and {@code hostname} are in the same situation. Only the tree classes decide how a parameter
 * set on an object behaves.
 */
public final class ParameterContexts {

    /**
     * Tree classes: MonEl is every object; Service and the test classes (TCP, UDP, Ping, DNS, Prog, Self,
     * DataBase, the Argus:: protocol helpers) are services; Alias is the alias object; Conf is the top-level
     * data, stored on Top; DARP::MonEl, DARP::Service and DARP::Watch are per-object DARP settings.
     */
    private static final Set<String> TREE_CLASSES = Set.of(
            "MonEl",
            "Service",
            "TCP",
            "UDP",
            "Ping",
            "DNS",
            "Prog",
            "Self",
            "Alias",
            "DataBase",
            "Conf",
            "Argus::IP",
            "Argus::SNMP",
            "Argus::RPC",
            "Argus::SIP",
            "Argus::Asterisk",
            "Argus::Agent",
            "Argus::Freeswitch",
            "Argus::Compute",
            "DARP::MonEl",
            "DARP::Service",
            "DARP::Watch");

    /**
     * Block-only classes, never read from an object: DARP is the {@code DARP "tag" {}} block (the listener),
     * DARP::Conf a {@code slave "x" {}} block on a master, DARP::Slave a {@code master "x" {}} block on a slave,
     * Argus::Resolv the {@code Resolv} block, Argus::Dashboard* the dashboard layout, NotMe a {@code Method}
     * block (the notification method class), Error the original's internal error object.
     */
    private static final Set<String> BLOCK_CLASSES = Set.of(
            "DARP",
            "DARP::Conf",
            "DARP::Slave",
            "Argus::Resolv",
            "Argus::Dashboard",
            "Argus::Dashboard::Col",
            "Argus::Dashboard::Row",
            "Argus::Dashboard::Widget",
            "NotMe",
            "Error");

    /** Contexts that apply to objects of the tree. A class in neither table counts as not in the tree. */
    public static final Predicate<String> TREE = context -> TREE_CLASSES.contains(className(context));

    private ParameterContexts() {}

    /** {@code MonEl (notify)} -> {@code MonEl}. */
    public static String className(String context) {
        int paren = context.indexOf(" (");
        return (paren < 0 ? context : context.substring(0, paren)).strip();
    }

    public static boolean isTree(String context) {
        return TREE.test(context);
    }

    /** True if the context is in one of the two tables, so a new context in the list does not go unnoticed. */
    public static boolean isClassified(String context) {
        String cls = className(context);
        return TREE_CLASSES.contains(cls) || BLOCK_CLASSES.contains(cls);
    }

    /** For checking keys inside a block: {@code inClass("DARP::Slave")} matches {@code DARP::Slave (darps)}. */
    public static Predicate<String> inClass(String... classes) {
        Set<String> wanted = Arrays.stream(classes).collect(Collectors.toUnmodifiableSet());
        return context -> wanted.contains(className(context));
    }
}
