package com.finmatch.enterprise.service;

import com.finmatch.platform.http.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.PersistenceException;

/**
 * Flushes inside the use case, so that a unique index that a concurrent request beat us to answers 409 and a version
 * a concurrent update changed answers 412 (through the platform's mappers), before anything is published.
 */
final class Persistence {

    private Persistence() {
    }

    static void persistAndFlush(PanacheEntityBase entity) {
        entity.persist();
        flush();
    }

    static void flush() {
        try {
            Panache.getEntityManager().flush();
        } catch (jakarta.persistence.OptimisticLockException e) {
            throw ProblemException.preconditionFailed();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                    throw ProblemException.conflict("this would duplicate an existing record");
                }
                if (t instanceof org.hibernate.StaleStateException) {
                    throw ProblemException.preconditionFailed();
                }
            }
            throw e;
        }
    }
}
