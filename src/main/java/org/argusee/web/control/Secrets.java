package org.argusee.web.control;

import java.util.Set;

/**
 * Parameters whose values are secrets (SNMP communities and passwords, the DB and Asterisk/FreeSWITCH
 * passwords, DARP secrets): only admins see their values. The parameter catalog of the original marks none, so
 * the list is here.
 */
public final class Secrets {

    public static final Set<String> KEYS = Set.of("community", "snmppass", "snmpprivpass", "pass", "secret");
    public static final String MASK = "********";

    private Secrets() {}

    public static boolean secret(String key) {
        return key != null && KEYS.contains(key);
    }

    public static String mask(String key, String value) {
        return secret(key) && value != null ? MASK : value;
    }
}
