package org.argusee.status.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.argusee.platform.control.Jdbc;
import org.hibernate.Session;

/** Notes people leave on objects (argus.status_annotation). */
@Stateless
public class Annotations {

    @PersistenceContext
    EntityManager em;

    /** Newest first. */
    public List<AnnotationView> list(long objectId, int offset, int limit) {
        return em.unwrap(Session.class)
                .doReturningWork(c -> Jdbc.query(
                        c,
                        "select id, username, text, created_at"
                                + " from argus.status_annotation where object_id = ? order by id desc offset ? limit ?",
                        s -> {
                            s.setLong(1, objectId);
                            s.setInt(2, offset);
                            s.setInt(3, limit);
                        },
                        rs -> new AnnotationView(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant())));
    }

    public AnnotationView add(long objectId, String user, String text) {
        return em.unwrap(Session.class).doReturningWork(c -> Jdbc.queryFirst(
                        c,
                        "insert into argus.status_annotation"
                                + " (object_id, username, text) values (?, ?, ?) returning id, created_at",
                        s -> {
                            s.setLong(1, objectId);
                            s.setString(2, user);
                            s.setString(3, text);
                        },
                        rs -> new AnnotationView(
                                rs.getLong(1), user, text, rs.getTimestamp(2).toInstant()))
                .orElseThrow());
    }

    /** False if the object has no such annotation. */
    public boolean delete(long objectId, long annotationId) {
        return em.unwrap(Session.class)
                .doReturningWork(
                        c -> Jdbc.update(c, "delete from argus.status_annotation where object_id = ? and id = ?", s -> {
                                    s.setLong(1, objectId);
                                    s.setLong(2, annotationId);
                                })
                                > 0);
    }
}
