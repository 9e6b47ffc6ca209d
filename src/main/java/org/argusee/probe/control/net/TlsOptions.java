package org.argusee.probe.control.net;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * What the user asked about a TLS server's certificate. Nothing by default: a monitor tests that the service
 * answers, and an expired or self-signed certificate does not make it down. Two parameters of this project
 * (the original has none for this):
 * <ul>
 * <li>{@code ssl_expiry: N}: down ("certificate expired", "certificate expires in 3 days", "certificate not
 * yet valid") when fewer than N whole days are left; {@code 0} only once it has expired.</li>
 * <li>{@code ssl_value: days}: the value for the result checks is the days left (negative once expired)
 * instead of what was read, so {@code minvalue.warning: 30} and {@code minvalue.critical: 7} grade it.</li>
 * </ul>
 * Days are whole days, rounded down: a certificate ending in 20 hours has 0 days left.
 *
 * @param expiryDays the least days left that are fine, or -1 for no check
 */
public record TlsOptions(int expiryDays, boolean daysValue) {

    public static final TlsOptions NONE = new TlsOptions(-1, false);
    private static final long DAY = Duration.ofDays(1).toSeconds();

    /** @throws IllegalArgumentException naming the parameter */
    public static TlsOptions of(Map<String, String> params) {
        String expiry = params.get("ssl_expiry");
        String value = params.get("ssl_value");
        // the usual case, at each probe of a TCP service: nothing asked, nothing made (issue 17)
        return expiry == null && value == null ? NONE : new TlsOptions(expiry(expiry), daysValue(value));
    }

    boolean any() {
        return expiryDays >= 0 || daysValue;
    }

    /** Why the certificate fails the user's check, or null when it passes or none was asked. */
    public String problem(X509Certificate cert, Instant now) {
        if (expiryDays < 0) {
            return null;
        }
        if (cert == null) {
            return "no server certificate";
        }
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            return "certificate not yet valid";
        }
        long left = daysLeft(cert, now);
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            return "certificate expired";
        }
        if (left < expiryDays) {
            return left == 0
                    ? "certificate expires within a day"
                    : "certificate expires in " + left + (left == 1 ? " day" : " days");
        }
        return null;
    }

    public static long daysLeft(X509Certificate cert, Instant now) {
        return Math.floorDiv(
                Duration.between(now, cert.getNotAfter().toInstant()).toSeconds(), DAY);
    }

    private static int expiry(String text) {
        if (text == null) {
            return -1;
        }
        try {
            int days = Integer.parseInt(text.strip());
            if (days >= 0) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below with the text as written
        }
        throw new IllegalArgumentException("bad ssl_expiry '" + text + "': use a number of days (0 or more)");
    }

    private static boolean daysValue(String text) {
        if (text == null) {
            return false;
        }
        if ("days".equals(text.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        throw new IllegalArgumentException("bad ssl_value '" + text + "': use days");
    }
}
