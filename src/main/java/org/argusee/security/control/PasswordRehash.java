package org.argusee.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replaces a correct password's weak stored hash (fewer iterations than today's) with a new one. Only if the row
 * still holds the hash that was checked: a password changed meanwhile is never overwritten with the old one.
 */
@ApplicationScoped
public class PasswordRehash {

    private static final Logger LOG = Logger.getLogger(PasswordRehash.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    /** The hash the row holds afterwards: the new one, or the old one if the row changed meanwhile. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String upgrade(String username, String checkedHash, String password) {
        String fresh = hashing.hash(password);
        int rows = em.createQuery("update AppUser u set u.passwordHash = :fresh"
                        + " where u.username = :name and u.passwordHash = :old")
                .setParameter("fresh", fresh)
                .setParameter("name", username)
                .setParameter("old", checkedHash)
                .executeUpdate();
        if (rows == 1) {
            LOG.log(Level.INFO, "The password hash of {0} was raised to today''s cost", username);
            return fresh;
        }
        return checkedHash;
    }
}
