package org.argusee.probe.control.snmp;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.argusee.probe.control.ProbeSpec;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

/**
 * What an SNMP service asks, read from its spec. The version comes from the type ({@code UDP/SNMPv2c},
 * {@code UDP/SNMPv3}); plain {@code UDP/SNMP} is v1 unless {@code snmpversion} says 2c or 3 (it is inherited, so
 * a group can switch all its agents). The OID is the type's rest ({@code UDP/SNMP/ifInOctets.2}, as the default
 * uname reads it) or {@code oid}; with neither, the test is a get of sysUpTime.0 that any answer passes.
 *
 * @param oid       null for the liveness test
 * @param community v1 and v2c only
 * @param user      v3 only, else null
 */
public record SnmpSettings(
        int version,
        OID oid,
        OctetString community,
        SnmpUser user,
        OctetString contextEngine,
        OctetString contextName) {

    static final OID SYS_UP_TIME = new OID("1.3.6.1.2.1.1.3.0");
    /** The OID as written, from the type or {@code oid}; empty for the liveness test. */
    static Optional<String> writtenOid(ProbeSpec spec) {
        return spec.type().rest().isEmpty()
                ? spec.param("oid").filter(s -> !s.isBlank())
                : Optional.of(spec.type().rest().get(0));
    }

    /** @throws IllegalArgumentException naming the parameter that cannot be used; never quoting a secret */
    static SnmpSettings of(ProbeSpec spec) {
        int version = version(spec);
        OID oid = writtenOid(spec).map(SnmpSettings::oid).orElse(null);
        if (version != SnmpConstants.version3) {
            OctetString community = text(spec.param("community").orElse("public"));
            return new SnmpSettings(version, oid, community, null, null, new OctetString());
        }
        OctetString contextEngine =
                spec.param("contextengine").map(t -> hex("contextengine", t)).orElse(null);
        OctetString contextName = text(spec.param("contextname").orElse(""));
        return new SnmpSettings(version, oid, null, SnmpUser.of(spec), contextEngine, contextName);
    }

    private static int version(ProbeSpec spec) {
        return switch (spec.type().app()) {
            case "SNMPv2c" -> SnmpConstants.version2c;
            case "SNMPv3" -> SnmpConstants.version3;
            default -> spec.param("snmpversion").map(SnmpSettings::version).orElse(SnmpConstants.version1);
        };
    }

    private static int version(String text) {
        String v = text.strip().toLowerCase(Locale.ROOT);
        v = v.startsWith("v") ? v.substring(1) : v;
        return switch (v) {
            case "1" -> SnmpConstants.version1;
            case "2", "2c" -> SnmpConstants.version2c;
            case "3" -> SnmpConstants.version3;
            default -> throw new IllegalArgumentException("bad snmpversion '" + text.strip() + "': use 1, 2c or 3");
        };
    }

    private static OID oid(String text) {
        SnmpOids.Parsed parsed = SnmpOids.parse(text);
        if (parsed.numeric() == null) {
            throw new IllegalArgumentException(parsed.error() != null ? parsed.error() : parsed.unsupported());
        }
        OID oid;
        try {
            oid = new OID(parsed.numeric());
        } catch (RuntimeException e) {
            oid = null; // SNMP4J refuses a part that does not fit 32 bits unsigned: reported below
        }
        if (oid == null || !oid.isValid() || !oid.toDottedString().equals(parsed.numeric())) {
            throw new IllegalArgumentException("bad oid '" + text.strip() + "': a part is larger than 4294967295");
        }
        return oid;
    }

    /** Engine ids as hex, as tools print them ({@code 80001f8880...}, {@code 0x...}, with or without colons). */
    static OctetString hex(String parameter, String text) {
        String digits = text.strip().replace(":", "");
        digits = digits.startsWith("0x") || digits.startsWith("0X") ? digits.substring(2) : digits;
        try {
            byte[] bytes = HexFormat.of().parseHex(digits);
            if (bytes.length >= 5 && bytes.length <= 32) {
                return new OctetString(bytes);
            }
        } catch (IllegalArgumentException e) {
            // reported below with the text as written
        }
        throw new IllegalArgumentException("bad " + parameter + " '" + text.strip()
                + "': write the engine id in hex, 5 to 32 bytes (like 80001f8880...)");
    }

    static OctetString text(String s) {
        return new OctetString(s.getBytes(StandardCharsets.UTF_8));
    }
}
