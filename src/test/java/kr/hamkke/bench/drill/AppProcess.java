package kr.hamkke.bench.drill;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One Hamkke app as a child JVM against an external database (the packaged jar, or the compiled
 * classes and their dependencies), so a drill can kill -9 it and start it again.
 */
public final class AppProcess {

    private final int port;
    private final String jdbcUrl;
    private final Path log;
    private final Map<String, String> extraEnv;
    private Process process;

    public AppProcess(int port, String jdbcUrl, Path log, Map<String, String> extraEnv) {
        this.port = port;
        this.jdbcUrl = jdbcUrl;
        this.log = log;
        this.extraEnv = extraEnv;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public long pid() {
        return process.pid();
    }

    /** Starts the app and waits until /health is UP (demo data seeded on an empty database first). */
    public void start(Duration timeout) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8", "-cp", appClasspath(), "kr.hamkke.Application");
        pb.environment().put("DATASOURCES_DEFAULT_URL", jdbcUrl);
        pb.environment().put("DATASOURCES_DEFAULT_USERNAME", "root");
        pb.environment().put("DATASOURCES_DEFAULT_PASSWORD", "");
        pb.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        pb.environment().putIfAbsent("MICRONAUT_ENVIRONMENTS", "dev");
        pb.environment().putAll(extraEnv);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + "; see " + log);
            }
            if (healthStatus() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the app did not become healthy in " + timeout + "; see " + log);
    }

    /** kill -9: no shutdown hook, no graceful close of connections or transactions. */
    public void kill9() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start().waitFor();
        process.waitFor();
    }

    /** A graceful stop (SIGTERM). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** HTTP status of GET /health (200 UP, 503 DOWN), or -1 when nothing answers. */
    public int healthStatus() {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            return client.send(HttpRequest.newBuilder(uri().resolve("/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * The packaged jar when HAMKKE_JAR names one; otherwise this JVM's class path without test
     * classes (under Surefire, java.class.path is the test class path), so the child runs the
     * production beans only.
     */
    static String appClasspath() {
        String jar = System.getenv("HAMKKE_JAR");
        if (jar != null && !jar.isBlank()) {
            return jar;
        }
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static Path freshLog(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path log = dir.resolve(name);
        Files.deleteIfExists(log);
        return log;
    }
}
