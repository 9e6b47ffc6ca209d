package org.argusee.status.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.argusee.status.entity.ObjectStatus;

/** Current statuses by object id, in one query for a whole page of objects. */
@Stateless
public class StatusReader {

    @PersistenceContext
    EntityManager em;

    public Map<Long, StatusView> statuses(Collection<Long> objectIds) {
        Map<Long, StatusView> result = new HashMap<>();
        if (objectIds.isEmpty()) {
            return result;
        }
        em.createQuery("select s from ObjectStatus s where s.objectId in :ids", ObjectStatus.class)
                .setParameter("ids", objectIds)
                .getResultList()
                .forEach(s -> result.put(s.objectId(), StatusView.of(s)));
        return result;
    }

    public StatusView status(long objectId) {
        return StatusView.of(em.find(ObjectStatus.class, objectId));
    }
}
