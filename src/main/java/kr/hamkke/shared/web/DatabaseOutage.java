package kr.hamkke.shared.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure caused by an unreachable database (answered 503 + Retry-After: the request was
 * not processed, the client may retry) from a bug (500). Covers the pool timing out (Hikari's
 * SQLTransientConnectionException after connection-timeout), a refused or broken connection
 * (Connector/J's CommunicationsException is an SQLRecoverableException), and SQLState class 08.
 */
public final class DatabaseOutage {

    /** Seconds a client is asked to wait before retrying. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
