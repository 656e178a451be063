package kr.hamkke.shared.db;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Connector/J settings in application.yml reach the driver. They once did not (unquoted YAML values are not
 * Strings and java.util.Properties ignores them), which silently dropped the statement cache and the outage timeouts.
 */
@MicronautTest(transactional = false)
class DriverSettingsTest {

    @Inject
    DataSource dataSource;

    @Test
    void statementCacheAndOutageTimeoutsAreInEffect() throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            var props = c.unwrap(JdbcConnection.class).getPropertySet();
            assertTrue(props.getBooleanProperty(PropertyKey.cachePrepStmts).getValue(), "prepared statement cache on");
            assertEquals(250, props.getIntegerProperty(PropertyKey.prepStmtCacheSize).getValue());
            assertEquals(2000, props.getIntegerProperty(PropertyKey.connectTimeout).getValue(), "connect timeout (outage)");
            assertEquals(60000, props.getIntegerProperty(PropertyKey.socketTimeout).getValue(), "socket timeout (outage)");
        }
    }
}
