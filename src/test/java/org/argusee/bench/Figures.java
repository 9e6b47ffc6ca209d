package org.argusee.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.argusee.testsupport.Api;

/** The arithmetic of the DARP benchmark: exact percentiles of samples, and of a Prometheus histogram's deltas. */
final class Figures {

    private Figures() {}

    /** "p50 x ms, p99 y ms, max z ms (n)" of samples in milliseconds, nearest rank; "none" when empty. */
    static String millis(List<Double> samples) {
        if (samples.isEmpty()) {
            return "none";
        }
        List<Double> sorted = samples.stream().sorted().toList();
        return String.format(
                "p50 %.0f ms, p99 %.0f ms, max %.0f ms (n = %d)",
                rank(sorted, 0.5), rank(sorted, 0.99), sorted.get(sorted.size() - 1), sorted.size());
    }

    private static double rank(List<Double> sorted, double q) {
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }

    /** The Prometheus text of a server's /api/metrics as series -> value. */
    static Map<String, Double> scrape(Api api) {
        Map<String, Double> metrics = new HashMap<>();
        for (String line : api.get("api/metrics").body().split("\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                metrics.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return metrics;
    }

    static double delta(Map<String, Double> m0, Map<String, Double> m1, String series) {
        return m1.getOrDefault(series, 0.0) - m0.getOrDefault(series, 0.0);
    }

    static double heap(Map<String, Double> metrics) {
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().startsWith("jvm_memory_used_bytes{")
                        && e.getKey().contains("area=\"heap\""))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    /**
     * p50 and p99 of a histogram ({@code name}_bucket series) over the window between two scrapes: each is the
     * upper bound of the first bucket that holds it, so as fine as the buckets; "not recorded" without samples.
     */
    static String histogram(Map<String, Double> m0, Map<String, Double> m1, String name) {
        Map<Double, Double> buckets = new TreeMap<>();
        m1.forEach((key, value) -> {
            if (key.startsWith(name + "_bucket{")) {
                String le = key.substring(key.indexOf("le=\"") + 4, key.indexOf('"', key.indexOf("le=\"") + 4));
                buckets.merge(
                        le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le),
                        value - m0.getOrDefault(key, 0.0),
                        Double::sum);
            }
        });
        double total = buckets.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total == 0) {
            return "not recorded (no " + name + " samples)";
        }
        return String.format(
                "p50 <= %s ms, p99 <= %s ms (n = %.0f)",
                bound(buckets, total, 0.5), bound(buckets, total, 0.99), total);
    }

    private static String bound(Map<Double, Double> cumulative, double total, double q) {
        for (Map.Entry<Double, Double> e : cumulative.entrySet()) {
            if (e.getValue() >= q * total) {
                return Double.isInfinite(e.getKey()) ? "inf" : String.format("%.0f", e.getKey() * 1000);
            }
        }
        return "?";
    }
}
