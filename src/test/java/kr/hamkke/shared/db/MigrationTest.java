package kr.hamkke.shared.db;

import kr.hamkke.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every migration applies, in order, to an empty database on the server under test. */
class MigrationTest {

    @Test
    void allMigrationsApplyToAnEmptyDatabase() throws Exception {
        String schema = "hamkke_migration_" + System.nanoTime();
        try (Connection c = TestDatabase.connect()) {
            c.createStatement().execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        try {
            String url = TestDatabase.jdbcUrl().replaceFirst("/hamkke\\?", "/" + schema + "?");
            Flyway flyway = Flyway.configure()
                    .dataSource(url, System.getProperty("datasources.default.username", "root"),
                            System.getProperty("datasources.default.password", ""))
                    .locations("classpath:db/migration").load();
            int applied = flyway.migrate().migrationsExecuted;
            long files;
            try (Stream<Path> list = Files.list(Path.of("src/main/resources/db/migration"))) {
                files = list.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
            }
            assertEquals(files, applied);
            try (Connection c = TestDatabase.connect();
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + schema + "'")) {
                rs.next();
                assertTrue(rs.getInt(1) > 10);
            }
            assertTrue(flyway.validateWithResult().validationSuccessful);
        } finally {
            try (Connection c = TestDatabase.connect()) {
                c.createStatement().execute("DROP DATABASE " + schema);
            }
        }
    }
}
