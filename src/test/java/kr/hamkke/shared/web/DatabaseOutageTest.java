package kr.hamkke.shared.web;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are answered 503 (database unreachable) rather than 500 (a bug) or 409 (a rule). */
class DatabaseOutageTest {

    @Test
    void aRealRefusedConnectionFromTheDriverCountsAsAnOutage() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + closedPort + "/hamkke?sslMode=DISABLED&connectTimeout=2000", "root", ""));
        assertTrue(DatabaseOutage.causedBy(refused), refused.toString());
        assertTrue(DatabaseOutage.causedBy(new IllegalStateException(refused)), "found through the cause chain");
    }

    @Test
    void aPoolTimeoutAndSqlStateClass08CountAsAnOutage() {
        assertTrue(DatabaseOutage.causedBy(new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
        assertTrue(DatabaseOutage.causedBy(new RuntimeException(new SQLException("link failure", "08S01"))));
    }

    @Test
    void rulesAndBugsAreNotOutages() {
        assertFalse(DatabaseOutage.causedBy(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000")));
        assertFalse(DatabaseOutage.causedBy(new SQLException("syntax", "42000")));
        assertFalse(DatabaseOutage.causedBy(new NullPointerException()));
        assertFalse(DatabaseOutage.causedBy(null));
    }
}
