package org.argusee.status.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import org.argusee.status.control.Transition;
import org.hibernate.Session;

/**
 * Stores a batch of statuses and transitions in one transaction, however many probes produced them. Rows of
 * objects deleted meanwhile are skipped rather than failing the batch. Each transition is announced as a
 * {@link StatusChanged} event within the transaction (observers use AFTER_SUCCESS).
 */
@Stateless
public class StatusStore {

    private static final String UPSERT = "insert into argus.object_status"
            + " (object_id, status, display_status, severity, reason, result, changed_at, checked_at)"
            + " select ?, ?, ?, ?, ?, ?, ?, ? where exists (select 1 from argus.object where id = ?)"
            + " on conflict (object_id) do update set status = excluded.status,"
            + " display_status = excluded.display_status, severity = excluded.severity, reason = excluded.reason,"
            + " result = excluded.result, changed_at = excluded.changed_at, checked_at = excluded.checked_at";
    private static final String TRANSITION = "insert into argus.status_transition"
            + " (object_id, at, old_status, new_status, severity, reason)"
            + " select ?, ?, ?, ?, ?, ? where exists (select 1 from argus.object where id = ?)";

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<StatusChanged> changed;

    public void store(List<StatusRow> rows) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT);
                 PreparedStatement transition = c.prepareStatement(TRANSITION)) {
                for (StatusRow row : rows) {
                    String status = row.status().status().label();
                    upsert.setLong(1, row.objectId());
                    upsert.setString(2, status);
                    upsert.setString(3, status);
                    upsert.setString(4, row.status().severity().label());
                    upsert.setString(5, row.status().reason());
                    upsert.setString(6, row.result());
                    upsert.setTimestamp(7, Timestamp.from(row.status().since()));
                    upsert.setTimestamp(8, Timestamp.from(row.checkedAt()));
                    upsert.setLong(9, row.objectId());
                    upsert.addBatch();
                    if (row.transition().isPresent()) {
                        Transition t = row.transition().get();
                        transition.setLong(1, row.objectId());
                        transition.setTimestamp(2, Timestamp.from(t.at()));
                        transition.setString(3, t.from().label());
                        transition.setString(4, t.to().label());
                        transition.setString(5, t.toSeverity().label());
                        transition.setString(6, t.reason());
                        transition.setLong(7, row.objectId());
                        transition.addBatch();
                    }
                }
                upsert.executeBatch();
                transition.executeBatch();
            }
        });
        rows.stream().filter(r -> r.transition().isPresent())
                .forEach(r -> changed.fire(new StatusChanged(r.objectId(), r.fullName(), r.transition().get())));
    }
}
