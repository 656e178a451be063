package kr.hamkke.budgeting.tally;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the shared Pabulib data: system property {@code hamkke.shared}, else the first existing of
 * ../shared, ../../shared, /work/shared (worktrees sit one level deeper than the main checkout).
 */
final class SharedData {

    private SharedData() {
    }

    static Path sharedDir() {
        String configured = System.getProperty("hamkke.shared");
        if (configured != null) return Path.of(configured);
        for (String candidate : List.of("../shared", "../../shared", "/work/shared")) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p.resolve("pabulib"))) return p;
        }
        return Path.of("../shared");
    }

    /** The pabulib folder; skips the calling test only if it truly is not there. */
    static Path pabulib() {
        Path dir = sharedDir().resolve("pabulib");
        assumeTrue(Files.isDirectory(dir), "shared Pabulib data not found at " + dir.toAbsolutePath());
        return dir;
    }

    static Path file(String name) {
        return pabulib().resolve(name);
    }

    static List<Path> allElections() {
        try (Stream<Path> files = Files.list(pabulib())) {
            return files.filter(f -> f.toString().endsWith(".pb")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PbElection parse(String name) {
        try {
            return PabulibParser.parse(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
