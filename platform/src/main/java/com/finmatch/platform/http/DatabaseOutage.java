package com.finmatch.platform.http;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure caused by the database being unreachable (restarting, failing over, refusing connections, the pool
 * unable to get one) from a defect. Such a request is refused with 503 and {@code Retry-After}: the client may send
 * it again, nothing of it was stored (its transaction never committed).
 */
public final class DatabaseOutage {

    /** Seconds a client is asked to wait before it sends a refused request again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    /** True when {@code failure} or one of its causes says the database could not be reached or went away. */
    public static boolean isCauseOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof java.net.ConnectException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (unreachable(sql.getSQLState()) || poolTimedOut(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception) and the server going down or not accepting connections yet: 57P01
     * admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now.
     */
    private static boolean unreachable(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /** Agroal's pool found no connection in time (it says so only in the message). */
    private static boolean poolTimedOut(SQLException e) {
        String m = e.getMessage();
        return e.getSQLState() == null && m != null && m.startsWith("Acquisition timeout");
    }
}
