package com.finmatch.platform.events;

/**
 * An inbox attempt failed because the database could not be reached or went away (a restart, a failover, a pool
 * without connections: {@link com.finmatch.platform.http.DatabaseOutage}). Not the event's fault: the consumer waits
 * for the database and tries again, however long that takes, instead of spending its bounded retries on it.
 */
class DatabaseUnavailableException extends RuntimeException {

    DatabaseUnavailableException(Throwable cause) {
        super(cause.toString(), cause);
    }
}
