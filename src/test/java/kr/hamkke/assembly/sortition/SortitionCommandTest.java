package kr.hamkke.assembly.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortitionCommandTest {
    static final String SEED = "c00eab9d10c62cdd46ad7a6fb5ac0807ad655a6db1ee4c3dc8a50404fa6cd74e";
    static final String SECRET = "hamkke test vector secret";
    static final String COMMITMENT = "a1854735f93bb29ff07a87b1fc12c9fabb7aa0876123a3b691d10d4d963464d7";
    static final String BEACON = "2026-11-21 #1199: 3,11,19,24,36,41 +7";

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = SortitionCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String resource(String name) {
        try {
            return Path.of(SortitionCommandTest.class.getResource("/sortition/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String expected() throws IOException {
        return Files.readString(Path.of(resource("expected-output.json")), StandardCharsets.UTF_8);
    }

    @Test
    void testVectorWithSeed() throws IOException {
        Run r = run("--input", resource("applicants.csv"), "--quotas", resource("quotas.csv"), "--seed", SEED);
        assertEquals("", r.err());
        assertEquals(0, r.code());
        assertEquals(expected(), r.out());
    }

    @Test
    void testVectorWithRevealedSecretAndBeacon() throws IOException {
        Run r = run("--input", resource("applicants.csv"), "--quotas", resource("quotas.csv"), "--secret", SECRET,
                "--beacon", BEACON, "--commitment", COMMITMENT);
        assertEquals(0, r.code(), r.err());
        assertEquals(expected(), r.out());
    }

    @Test
    void wrongSecretIsRefused() {
        Run r = run("--input", resource("applicants.csv"), "--quotas", resource("quotas.csv"), "--secret", "guess",
                "--beacon", BEACON, "--commitment", COMMITMENT);
        assertEquals(4, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("does not match the published commitment"), r.err());
    }

    @Test
    void seedCommitmentIsCheckedToo() {
        Run ok = run("--input", resource("applicants.csv"), "--quotas", resource("quotas.csv"), "--seed", SEED,
                "--commitment", CommitReveal.commitment(SEED));
        assertEquals(0, ok.code(), ok.err());
        Run bad = run("--input", resource("applicants.csv"), "--quotas", resource("quotas.csv"), "--seed", SEED,
                "--commitment", COMMITMENT);
        assertEquals(4, bad.code());
    }

    @Test
    void seatsFlagOverridesTheFileAndFairnessIsReported() {
        Run tooMany = run("--input", resource("applicants.csv"), "--quotas", resource("quotas.csv"), "--seed", SEED,
                "--seats", "14");
        assertEquals(3, tooMany.code());
        assertTrue(tooMany.err().contains("the gender maxima (capped by the pool counts) allow at most 12 of the 14 seats"),
                tooMany.err());
        Run r = run("--input", resource("applicants.csv"), "--quotas", resource("quotas.csv"), "--seed", SEED,
                "--reserves", "0", "--fairness", "50");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"reserve_seats\": 0,"));
        assertTrue(r.out().contains("\"redraws\": 50,"));
        assertTrue(r.out().contains("\"reserves\": []"));
    }

    @Test
    void infeasibleQuotasAreExplainedBeforeDrawing(@TempDir Path dir) throws IOException {
        Path q = dir.resolve("q.csv");
        Files.writeString(q, "seats,12\ngender,F,8,7,0\ngu,11110,20,,0\n");
        Run r = run("--input", resource("applicants.csv"), "--quotas", q.toString(), "--seed", SEED);
        assertEquals(3, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("gender=F: min 8 is above max 7"), r.err());
        assertTrue(r.err().contains("gu=11110: needs at least 20 but the pool has only 14 such applicants"), r.err());
    }

    @Test
    void badInputGivesAMessageNotAStackTrace(@TempDir Path dir) throws IOException {
        Path badPool = dir.resolve("p.csv");
        Files.writeString(badPool, "A1;20s;F;11110;-\nA2;20s;X;11110;-\n");
        Path badQuotas = dir.resolve("q.csv");
        Files.writeString(badQuotas, "seats,ten\n");
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {});
        cases.add(new String[] {"--input"});
        cases.add(new String[] {"--bogus", "1"});
        cases.add(new String[] {"--input", dir.resolve("missing.csv").toString(), "--quotas", resource("quotas.csv"), "--seed", SEED});
        cases.add(new String[] {"--input", badPool.toString(), "--quotas", resource("quotas.csv"), "--seed", SEED});
        cases.add(new String[] {"--input", resource("applicants.csv"), "--quotas", badQuotas.toString(), "--seed", SEED});
        cases.add(new String[] {"--input", resource("applicants.csv"), "--quotas", resource("quotas.csv"), "--seed", "42"});
        cases.add(new String[] {"--input", resource("applicants.csv"), "--quotas", resource("quotas.csv"), "--seed", SEED, "--seats", "-1"});
        cases.add(new String[] {"--input", resource("applicants.csv"), "--quotas", resource("quotas.csv"), "--secret", "x"});
        cases.add(new String[] {"--input", resource("applicants.csv"), "--quotas", resource("quotas.csv"), "--seed", SEED, "--fairness", "0"});
        for (String[] args : cases) {
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + " → " + r.err());
            assertTrue(r.err().startsWith("sortition: "), r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
            assertEquals("", r.out());
        }
        assertTrue(run("--input", badPool.toString(), "--quotas", resource("quotas.csv"), "--seed", SEED).err()
                .contains("applicants line 2: applicant A2: gender 'X' must be F or M"));
    }

    @Test
    void fairnessOutputIsReproducibleDespiteParallelReDraws() {
        String[] args = {"--input", resource("applicants.csv"), "--quotas", resource("quotas.csv"), "--seed", SEED,
            "--fairness", "40"};
        Run a = run(args);
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), run(args).out());
    }

    @Test
    void jsonEscapesStrings() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", Json.quote("a\"b\\c\n\u0001"));
    }
}
