package org.argusee.probe.control.snmp;

import java.util.Optional;
import org.argusee.probe.control.ProbeSpec;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

/**
 * The SNMPv3 user of a service: {@code snmpuser}; authentication with {@code snmppass} by {@code snmpauth}
 * (default MD5, as in the original); privacy with {@code snmpprivpass} by {@code snmppriv} (default DES, ditto).
 * Without snmppass (or with {@code snmpauth: none}) the request is noAuthNoPriv, without snmpprivpass (or with
 * {@code snmppriv: none}) authNoPriv. {@code authengine}, the agent's engine id in hex, saves the discovery.
 * Equal users share localized keys; {@link #toString()} never shows a passphrase.
 *
 * @param auth   null for no authentication
 * @param priv   null for no privacy
 * @param engine the configured authoritative engine id, null to discover it
 */
record SnmpUser(OctetString name, OID auth, OctetString authPass, OID priv, OctetString privPass, OctetString engine) {

    /** RFC 3414 (11.2) wants passphrases of at least 8 octets; agents such as Net-SNMP refuse shorter ones. */
    private static final int MIN_PASSPHRASE = 8;

    static SnmpUser of(ProbeSpec spec) {
        String name = spec.param("snmpuser")
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("SNMPv3 needs a user: set 'snmpuser'"));
        Optional<String> authPass = secret(spec, "snmppass");
        Optional<String> privPass = secret(spec, "snmpprivpass");
        OID auth = authPass.isEmpty()
                ? null
                : SnmpSecurity.auth(spec.param("snmpauth").orElse("MD5")).orElse(null);
        if (auth == null && privPass.isPresent()) {
            throw new IllegalArgumentException(
                    "snmpprivpass needs snmppass too: SNMPv3 has no privacy without " + "authentication");
        }
        OID priv = auth == null || privPass.isEmpty()
                ? null
                : SnmpSecurity.priv(spec.param("snmppriv").orElse("DES")).orElse(null);
        OctetString engine = spec.param("authengine")
                .filter(s -> !s.isBlank())
                .map(t -> SnmpSettings.hex("authengine", t))
                .orElse(null);
        return new SnmpUser(
                SnmpSettings.text(name.strip()),
                auth,
                auth == null ? null : SnmpSettings.text(authPass.get()),
                priv,
                priv == null ? null : SnmpSettings.text(privPass.get()),
                engine);
    }

    int securityLevel() {
        return auth == null
                ? SecurityLevel.NOAUTH_NOPRIV
                : priv == null ? SecurityLevel.AUTH_NOPRIV : SecurityLevel.AUTH_PRIV;
    }

    @Override
    public String toString() {
        return "SnmpUser[" + name + ", " + SecurityLevel.get(securityLevel()) + "]";
    }

    private static Optional<String> secret(ProbeSpec spec, String key) {
        Optional<String> value = spec.param(key).filter(s -> !s.isEmpty());
        if (value.isPresent() && value.get().length() < MIN_PASSPHRASE) {
            throw new IllegalArgumentException(
                    key + " is shorter than " + MIN_PASSPHRASE + " characters, which SNMPv3 does not allow");
        }
        return value;
    }
}
