package org.argusee.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.argusee.notify.control.NotifyMethod;
import org.argusee.tree.control.BooleanValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * The methods by name: the built-ins (mail, log, null, autoack, webhook), then the config's {@code Method} blocks
 * (programs, as the original runs them), then rows of {@code argus.notify_method}, each later one replacing an
 * earlier one of the same name. Read again at most every {@value #FRESH_SECONDS} s, within the caller's
 * transaction.
 */
@ApplicationScoped
public class NotifyMethods {

    static final int FRESH_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(NotifyMethods.class.getName());
    private static final String BLOCKS = "select b.name, l.key, l.value from argus.config_block b"
            + " join argus.config_block_line l on l.block_id = b.id where b.keyword = 'Method' and b.parent_id is null"
            + " and l.key is not null order by b.id, l.position";
    private static final String ROWS = "select name, kind, command, send, headers, message_fmt, qtime, nolotsmsgs,"
            + " timeout_seconds from argus.notify_method";

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "argus.notify.qtime", defaultValue = "120")
    int builtinQtime;

    static final java.util.Set<String> BUILTIN = java.util.Set.of("mail", "log", "null", "webhook", "autoack");

    private volatile Map<String, NotifyMethod> methods;
    private volatile Instant read = Instant.EPOCH;

    public Map<String, NotifyMethod> all() {
        Map<String, NotifyMethod> m = methods;
        if (m == null || Instant.now().isAfter(read.plus(Duration.ofSeconds(FRESH_SECONDS)))) {
            m = em.unwrap(Session.class).doReturningWork(this::load);
            methods = m;
            read = Instant.now();
        }
        return m;
    }

    /** Read now (after a change through the API), not from the copy of up to {@value #FRESH_SECONDS} s ago. */
    public Map<String, NotifyMethod> fresh() {
        forget();
        return all();
    }

    public void forget() {
        read = Instant.EPOCH;
    }

    private Map<String, NotifyMethod> load(Connection c) throws SQLException {
        Map<String, NotifyMethod> m = new LinkedHashMap<>();
        m.put("mail", NotifyMethod.mail(builtinQtime));
        for (String kind : new String[] {"log", "null", "webhook"}) {
            m.put(kind, NotifyMethod.builtin(kind, kind));
        }
        m.put("autoack", NotifyMethod.builtin("autoack", "null"));
        Map<String, Map<String, String>> blocks = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(BLOCKS);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                blocks.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getString(3));
            }
        }
        blocks.forEach((name, p) -> {
            NotifyMethod builtin = m.get(name);
            String command = p.get("command");
            if (command == null && builtin == null) {
                LOG.warning("Method \"" + name + "\" has no command; left out");
                return;
            }
            m.put(
                    name,
                    new NotifyMethod(
                            name,
                            command == null ? builtin.kind() : "program",
                            command,
                            p.get("send"),
                            null,
                            p.get("message_fmt"),
                            qtime(p.get("qtime"), builtin == null ? 0 : builtin.qtime()),
                            p.containsKey("nolotsmsgs")
                                    && BooleanValue.isValid(p.get("nolotsmsgs"))
                                    && BooleanValue.parse(p.get("nolotsmsgs")),
                            30));
        });
        try (PreparedStatement s = c.prepareStatement(ROWS);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                int qtime = rs.getInt(7);
                if (rs.wasNull()) {
                    qtime = "mail".equals(rs.getString(2)) ? builtinQtime : 0;
                }
                m.put(
                        rs.getString(1),
                        new NotifyMethod(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                qtime,
                                rs.getBoolean(8),
                                rs.getInt(9)));
            }
        }
        return Map.copyOf(m);
    }

    private static int qtime(String value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            LOG.warning("Method qtime '" + value + "' is no number of seconds; using " + otherwise);
            return otherwise;
        }
    }
}
