package org.argusee.probe.control.db;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A DBI data source name ({@code dbi:Pg:dbname=mydb;host=dbhost;port=5432}) as the JDBC URL that reaches the same
 * database: {@code dbi:Pg:} becomes {@code jdbc:postgresql://host:port/dbname}, {@code dbi:mysql:} (and
 * {@code dbi:MariaDB:}) {@code jdbc:mysql://} / {@code jdbc:mariadb://}. Attributes other than the database, host
 * and port are passed on as URL parameters (sslmode, ...). Whether a driver for it is present is the monitor's
 * business.
 */
record DbiDsn(String driver, String jdbcUrl) {

    /** @throws IllegalArgumentException naming what is wrong with the DSN */
    static DbiDsn parse(String dsn) {
        if (dsn == null || dsn.isBlank()) {
            throw new IllegalArgumentException("no dsn: set 'dsn', e.g. dbi:Pg:dbname=mydb;host=127.0.0.1");
        }
        String[] parts = dsn.strip().split(":", 3);
        if (parts.length < 3 || !parts[0].equalsIgnoreCase("dbi")) {
            throw new IllegalArgumentException("dsn '" + dsn + "' is not in DBI syntax (dbi:DRIVER:attributes)");
        }
        String driver = parts[1];
        Map<String, String> attrs = attributes(parts[2]);
        String scheme =
                switch (driver.toLowerCase(Locale.ROOT)) {
                    case "pg" -> "postgresql";
                    case "mysql" -> "mysql";
                    case "mariadb" -> "mariadb";
                    default ->
                        throw new IllegalArgumentException(
                                "dsn '" + dsn + "': DBI driver '" + driver + "' has no JDBC mapping here (Pg, mysql)");
                };
        String db = first(attrs, "dbname", "database", "db");
        String host = first(attrs, "host", "hostname");
        String port = first(attrs, "port");
        StringBuilder url = new StringBuilder("jdbc:").append(scheme).append("://");
        url.append(host == null ? "localhost" : host.contains(":") ? "[" + host + "]" : host);
        if (port != null) {
            if (!port.matches("\\d{1,5}")) {
                throw new IllegalArgumentException("dsn '" + dsn + "': port '" + port + "' is not a number");
            }
            url.append(':').append(port);
        }
        url.append('/').append(db == null ? "" : db);
        char sep = '?';
        for (Map.Entry<String, String> e : attrs.entrySet()) {
            url.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = '&';
        }
        return new DbiDsn(driver, url.toString());
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                attrs.put("dbname", pair.strip()); // dbi:Pg:mydb, the short form
            } else {
                attrs.put(
                        pair.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                        pair.substring(eq + 1).strip());
            }
        }
        for (String v : attrs.values()) {
            if (!v.matches("[A-Za-z0-9_.\\-:]*")) {
                throw new IllegalArgumentException("dsn attribute value '" + v + "' has characters not allowed here");
            }
        }
        return attrs;
    }

    private static String first(Map<String, String> attrs, String... keys) {
        for (String k : keys) {
            String v = attrs.remove(k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
