package org.argusee.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.argusee.notify.control.NotifyMethod;
import org.hibernate.Session;

/** Rows of {@code argus.notify_method}, and the methods in force with where each comes from. */
@ApplicationScoped
@Transactional
public class MethodStore {

    private static final String UPSERT = "insert into argus.notify_method (name, kind, command, send, headers,"
            + " message_fmt, qtime, nolotsmsgs, timeout_seconds) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (name) do update set kind = excluded.kind, command = excluded.command,"
            + " send = excluded.send, headers = coalesce(excluded.headers, notify_method.headers),"
            + " message_fmt = excluded.message_fmt, qtime = excluded.qtime, nolotsmsgs = excluded.nolotsmsgs,"
            + " timeout_seconds = excluded.timeout_seconds";

    @PersistenceContext
    EntityManager em;

    @Inject
    NotifyMethods methods;

    public List<MethodView> all() {
        Set<String> rows = em.unwrap(Session.class).doReturningWork(c -> {
            Set<String> names = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("select name from argus.notify_method");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
        return methods.fresh().values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .map(m -> view(
                        m,
                        rows.contains(m.name())
                                ? "api"
                                : m.command() == null
                                                && !"program".equals(m.kind())
                                                && NotifyMethods.BUILTIN.contains(m.name())
                                        ? "builtin"
                                        : "config"))
                .toList();
    }

    /** Headers left out (null) keep the stored ones: they are never shown, so a client cannot send them back. */
    public void put(String name, MethodView in) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT)) {
                s.setString(1, name);
                s.setString(2, in.kind());
                s.setString(3, in.command());
                s.setString(4, in.send());
                s.setString(5, in.headers());
                s.setString(6, in.messageFmt());
                s.setObject(7, in.qtime(), java.sql.Types.INTEGER);
                s.setBoolean(8, Boolean.TRUE.equals(in.nolotsmsgs()));
                s.setInt(9, in.timeoutSeconds() == null ? 30 : in.timeoutSeconds());
                s.executeUpdate();
            }
        });
        methods.forget();
    }

    public boolean delete(String name) {
        int n = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("delete from argus.notify_method where name = ?")) {
                s.setString(1, name);
                return s.executeUpdate();
            }
        });
        methods.forget();
        return n > 0;
    }

    private static MethodView view(NotifyMethod m, String source) {
        return new MethodView(
                m.name(),
                m.kind(),
                m.command(),
                m.send(),
                null,
                m.headers() != null,
                m.messageFmt(),
                m.qtime(),
                m.nolots(),
                m.timeoutSeconds(),
                source);
    }
}
