package kr.hamkke.browser;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import kr.hamkke.testing.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the browser journeys (frontend/tests, Node's test runner + Debian chromium + axe-core)
 * against this real server with demo data. Part of the Maven suite so CI runs them; skipped on a
 * developer machine without chromium, never skipped in CI.
 */
@MicronautTest(transactional = false)
@Property(name = "hamkke.demo.enabled", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserJourneysTest implements TestPropertyProvider {

    /**
     * Its own empty database: demo data seeds only into empty tables, and the journeys expect the whole demo,
     * whatever other test classes wrote into the shared test database before this one ran.
     */
    @Override
    public Map<String, String> getProperties() {
        TestDatabase.startOnce();
        return Map.of("datasources.default.url", TestDatabase.freshDatabase("hamkke_browser"));
    }

    @Inject
    EmbeddedServer server;

    @Test
    void everyJourneyPassesWithZeroAxeViolations() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        boolean chromium = Files.isExecutable(Path.of(System.getenv().getOrDefault("HAMKKE_CHROMIUM", "/usr/bin/chromium")));
        if (!ci) {
            Assumptions.assumeTrue(chromium, "chromium not installed: browser journeys skipped (CI installs it)");
            Assumptions.assumeFalse("false".equals(System.getProperty("hamkke.browser")), "browser journeys switched off");
        }
        Path log = Path.of("target", "browser-tests.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder("bash", "frontend/run-tests.sh")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("HAMKKE_URL", "http://127.0.0.1:" + server.getPort());
        pb.environment().put("HAMKKE_STRICT_NAV", "1");
        Process process = pb.start();
        boolean finished = process.waitFor(20, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(tail(output, 60));
        assertTrue(finished, "browser tests did not finish in 20 minutes");
        assertEquals(0, process.exitValue(), "browser tests failed; full log in " + new File(log.toString()).getAbsolutePath());
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
            sb.append(all[i]).append('\n');
        }
        return sb.toString();
    }
}
