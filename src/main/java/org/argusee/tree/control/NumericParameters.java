package org.argusee.tree.control;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parameters whose value must be a number. parameters.txt has no attribute for this, so the table is ours,
 * taken from the descriptions: ports are TCP/UDP ports, counts ("number of", "maximum number of") are whole
 * numbers, IP header fields fit a byte, Holt-Winters smoothing factors lie between 0 and 1, and the limit
 * tests compare numbers. {@code eqvalue}/{@code nevalue} are left out on purpose: they may compare text.
 * The table holds in every context ({@code port} is a port in a DARP block too).
 */
final class NumericParameters {

    private static final Pattern WHOLE = Pattern.compile("\\+?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final long MAX_COUNT = Integer.MAX_VALUE;

    record Range(boolean whole, double min, double max) {

        boolean accepts(String value) {
            String v = value.strip();
            if (!(whole ? WHOLE : DECIMAL).matcher(v).matches()) {
                return false;
            }
            double d = Double.parseDouble(v);
            return d >= min && d <= max;
        }

        String describe() {
            String kind = whole ? "a whole number" : "a number";
            if (min == -Double.MAX_VALUE) {
                return kind;
            }
            return max >= MAX_COUNT
                    ? kind + " of at least " + format(min)
                    : kind + " from " + format(min) + " to " + format(max);
        }

        private static String format(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }

    private static final Map<String, Range> TABLE = table();

    private NumericParameters() {}

    static Optional<Range> range(String key) {
        return Optional.ofNullable(TABLE.get(key));
    }

    private static Map<String, Range> table() {
        Map<String, Range> t = new HashMap<>();
        Range port = new Range(true, 1, 65535);
        for (String key : new String[] {"port", "agent_port", "portmap_port", "test_port"}) {
            t.put(key, port);
        }
        Range count = new Range(true, 0, MAX_COUNT);
        for (String key : new String[] {
            "retries", "logsize", "duplicates", "version", "portmap_version", "spike_supress", "ssl_expiry"
        }) {
            t.put(key, count);
        }
        Range positive = new Range(true, 1, MAX_COUNT);
        for (String key : new String[] {
            "max_inflight",
            "max_queries",
            "gr_nmax_samples",
            "gr_nmax_hours",
            "gr_nmax_days",
            "calc_sigfigs",
            "gr_line_thickness",
            "darp_quorum",
            "darp_recovery_quorum"
        }) {
            t.put(key, positive);
        }
        t.put("ttl", new Range(true, 1, 255));
        t.put("tos", new Range(true, 0, 255));
        Range fraction = new Range(false, 0, 1);
        for (String key : new String[] {"hwab_alpha", "hwab_beta", "hwab_gamma"}) {
            t.put(key, fraction);
        }
        Range nonNegative = new Range(false, 0, Double.MAX_VALUE);
        for (String key : new String[] {"alpha", "hwab_zeta", "gr_bar_nstddev"}) {
            t.put(key, nonNegative);
        }
        Range any = new Range(false, -Double.MAX_VALUE, Double.MAX_VALUE);
        t.put("scale", any);
        for (String test : new String[] {"minvalue", "maxvalue", "maxdeviation"}) {
            Range range = test.equals("maxdeviation") ? nonNegative : any;
            t.put(test, range);
            for (String severity : new String[] {"critical", "major", "minor", "warning"}) {
                t.put(test + "." + severity, range);
            }
        }
        return Map.copyOf(t);
    }
}
