package org.argusee.probe.control.snmp;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OIDs as services write them: numeric ({@code .1.3.6.1.2.1.2.2.1.10.1}, the leading dot optional) or a name
 * from a small table of MIB-2 objects followed by its index ({@code ifInOctets.2}, {@code sysUpTime.0}). The
 * original also read names from {@code snmpoid} blocks and MIB files and looked indexes up by label
 * ({@code ifInOctets[Serial2/1]}); those are not done here, so such an OID is {@link Parsed#unsupported}.
 */
final class SnmpOids {

    /** What a written OID turned out to be: exactly one of the three is set. */
    record Parsed(String numeric, String unsupported, String error) {

        static Parsed of(String numeric) {
            return new Parsed(numeric, null, null);
        }
    }

    private static final Pattern NUMERIC = Pattern.compile("\\.?(\\d+(\\.\\d+)+)");
    private static final Pattern NAMED = Pattern.compile("([A-Za-z][A-Za-z0-9-]*)((\\.\\d+)*)");
    /** The system group, the interfaces table and ifXTable's 64-bit counters: what monitoring asks most. */
    private static final Map<String, String> NAMES = names();

    private SnmpOids() {}

    static Parsed parse(String text) {
        String t = text.strip();
        Matcher numeric = NUMERIC.matcher(t);
        if (numeric.matches()) {
            return Parsed.of(numeric.group(1));
        }
        Matcher named = NAMED.matcher(t);
        if (t.contains("[")) {
            return new Parsed(null, "index lookup by label ('" + t + "') is not supported yet", null);
        }
        if (!named.matches()) {
            return new Parsed(
                    null,
                    null,
                    "bad oid '" + t + "': write it as numbers (.1.3.6.1.2.1.1.3.0) "
                            + "or as a name and index (ifInOctets.2)");
        }
        return base(named.group(1))
                .map(base -> Parsed.of(base + named.group(2)))
                .orElseGet(() -> new Parsed(
                        null,
                        "oid name '" + named.group(1)
                                + "' is not in the built-in table (snmpoid blocks and MIB files are not supported yet)",
                        null));
    }

    /** Names are matched whatever their case: MIB-2 names do not differ by case alone. */
    private static Optional<String> base(String name) {
        return Optional.ofNullable(NAMES.get(name.toLowerCase(Locale.ROOT)));
    }

    private static Map<String, String> names() {
        Map<String, String> m = new HashMap<>();
        add(
                m,
                "1.3.6.1.2.1.1.",
                "sysDescr 1",
                "sysObjectID 2",
                "sysUpTime 3",
                "sysContact 4",
                "sysName 5",
                "sysLocation 6",
                "sysServices 7");
        add(m, "1.3.6.1.2.1.2.", "ifNumber 1");
        add(
                m,
                "1.3.6.1.2.1.2.2.1.",
                "ifIndex 1",
                "ifDescr 2",
                "ifType 3",
                "ifMtu 4",
                "ifSpeed 5",
                "ifPhysAddress 6",
                "ifAdminStatus 7",
                "ifOperStatus 8",
                "ifLastChange 9",
                "ifInOctets 10",
                "ifInUcastPkts 11",
                "ifInNUcastPkts 12",
                "ifInDiscards 13",
                "ifInErrors 14",
                "ifInUnknownProtos 15",
                "ifOutOctets 16",
                "ifOutUcastPkts 17",
                "ifOutNUcastPkts 18",
                "ifOutDiscards 19",
                "ifOutErrors 20",
                "ifOutQLen 21");
        add(
                m,
                "1.3.6.1.2.1.31.1.1.1.",
                "ifName 1",
                "ifHCInOctets 6",
                "ifHCInUcastPkts 7",
                "ifHCOutOctets 10",
                "ifHCOutUcastPkts 11",
                "ifHighSpeed 15",
                "ifAlias 18");
        return Map.copyOf(m);
    }

    private static void add(Map<String, String> names, String prefix, String... nameAndArc) {
        for (String entry : nameAndArc) {
            String[] parts = entry.split(" ");
            names.put(parts[0].toLowerCase(Locale.ROOT), prefix + parts[1]);
        }
    }
}
