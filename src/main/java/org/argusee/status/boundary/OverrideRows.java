package org.argusee.status.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import org.argusee.status.control.UserOverride;
import org.hibernate.Session;

/** The rows of argus.status_override; each write is its own transaction. */
@Stateless
public class OverrideRows {

    @PersistenceContext
    EntityManager em;

    public void save(long objectId, UserOverride o) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("insert into argus.status_override (object_id,"
                    + " username, text, created_at, expires_at, mode, ticket, quiet) values (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (object_id) do update set username = excluded.username, text = excluded.text,"
                    + " created_at = excluded.created_at, expires_at = excluded.expires_at, mode = excluded.mode,"
                    + " ticket = excluded.ticket, quiet = excluded.quiet")) {
                s.setLong(1, objectId);
                s.setString(2, o.user());
                s.setString(3, o.text());
                s.setTimestamp(4, Timestamp.from(o.created()));
                s.setTimestamp(5, o.expires() == null ? null : Timestamp.from(o.expires()));
                s.setString(6, o.mode().label());
                s.setString(7, o.ticket());
                s.setBoolean(8, o.quiet());
                s.executeUpdate();
            }
        });
    }

    public boolean delete(long objectId) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("delete from argus.status_override where object_id = ?")) {
                s.setLong(1, objectId);
                return s.executeUpdate() > 0;
            }
        });
    }
}
