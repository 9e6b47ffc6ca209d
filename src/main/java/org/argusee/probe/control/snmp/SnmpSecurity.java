package org.argusee.probe.control.snmp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.AuthenticationProtocol;
import org.snmp4j.security.Priv3DES;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.PrivacyProtocol;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.smi.OID;

/**
 * SNMPv3 protocols by the names services use ({@code snmpauth}: MD5, SHA1, none; {@code snmppriv}: DES, 3DES,
 * AES, AES128, AES192, AES256, none; the SHA-2 variants of RFC 7860 as well), and what a USM report means.
 * The session registers exactly these protocols, so a name that parses here can always be used.
 */
final class SnmpSecurity {

    /** The reason for an agent saying our idea of its engine id is wrong: the cached one must go. */
    static final String UNKNOWN_ENGINE = "unknown engine id";

    private static final Map<String, AuthenticationProtocol> AUTH = new LinkedHashMap<>();
    private static final Map<String, PrivacyProtocol> PRIV = new LinkedHashMap<>();
    /** The words people see when an agent refuses a request with a report (RFC 3414, RFC 3412). */
    private static final Map<OID, String> REPORTS = Map.of(
            SnmpConstants.usmStatsWrongDigests, "authentication failure",
            SnmpConstants.usmStatsUnknownUserNames, "unknown user name",
            SnmpConstants.usmStatsUnsupportedSecLevels, "unsupported security level",
            SnmpConstants.usmStatsDecryptionErrors, "decryption error",
            SnmpConstants.usmStatsNotInTimeWindows, "not in time window",
            SnmpConstants.usmStatsUnknownEngineIDs, UNKNOWN_ENGINE,
            SnmpConstants.snmpUnknownContexts, "unknown context",
            SnmpConstants.snmpUnavailableContexts, "unavailable context",
            SnmpConstants.snmpUnknownSecurityModels, "unknown security model",
            SnmpConstants.snmpInvalidMsgs, "invalid message");

    static {
        auth(new AuthMD5(), "MD5");
        auth(new AuthSHA(), "SHA1", "SHA", "SHA-1");
        auth(new AuthHMAC128SHA224(), "SHA224", "SHA-224");
        auth(new AuthHMAC192SHA256(), "SHA256", "SHA-256");
        auth(new AuthHMAC256SHA384(), "SHA384", "SHA-384");
        auth(new AuthHMAC384SHA512(), "SHA512", "SHA-512");
        priv(new PrivDES(), "DES");
        priv(new Priv3DES(), "3DES");
        priv(new PrivAES128(), "AES", "AES128");
        priv(new PrivAES192(), "AES192");
        priv(new PrivAES256(), "AES256");
    }

    private SnmpSecurity() {}

    /** The protocol's OID, empty for {@code none}. @throws IllegalArgumentException for an unknown name */
    static Optional<OID> auth(String name) {
        return lookup("snmpauth", name, AUTH).map(AuthenticationProtocol::getID);
    }

    /** The protocol's OID, empty for {@code none}. @throws IllegalArgumentException for an unknown name */
    static Optional<OID> priv(String name) {
        return lookup("snmppriv", name, PRIV).map(PrivacyProtocol::getID);
    }

    /** A fresh set of the protocols above, for one session (SNMP4J's default set lacks 3DES). */
    static SecurityProtocols protocols() {
        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.none);
        AUTH.values().stream().distinct().forEach(protocols::addAuthenticationProtocol);
        PRIV.values().stream().distinct().forEach(protocols::addPrivacyProtocol);
        return protocols;
    }

    /** A report's counter OID as a reason; agents may leave out the instance ({@code .0}). */
    static String reportReason(OID counter) {
        String reason = REPORTS.get(counter);
        if (reason == null) {
            reason = REPORTS.get(new OID(counter).append(0));
        }
        return reason != null ? reason : "SNMP report " + counter.toDottedString();
    }

    private static <P> Optional<P> lookup(String parameter, String name, Map<String, P> table) {
        String key = name.strip().toUpperCase(Locale.ROOT);
        if (key.equals("NONE")) {
            return Optional.empty();
        }
        P protocol = table.get(key);
        if (protocol == null) {
            throw new IllegalArgumentException("bad " + parameter + " '" + name.strip() + "': use "
                    + String.join(", ", table.keySet()) + " or none");
        }
        return Optional.of(protocol);
    }

    private static void auth(AuthenticationProtocol protocol, String... names) {
        for (String n : names) {
            AUTH.put(n, protocol);
        }
    }

    private static void priv(PrivacyProtocol protocol, String... names) {
        for (String n : names) {
            PRIV.put(n, protocol);
        }
    }
}
