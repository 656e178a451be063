package kr.hamkke.budgeting.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kr.hamkke.shared.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TallyCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TallyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    @Test
    void prints_one_json_object() {
        Path file = SharedData.file("Switzerland_Zurich_D10.pb");
        assertEquals(0, run("--rule", "mes", "--input", file.toString()));
        assertEquals("{\"rule\": \"mes\", \"selected\": [\"14\", \"5\", \"13\", \"6\", \"7\", \"17\"], \"totalCost\": \"40000\"}",
                out().strip());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) MiniJson.parse(out());
        assertEquals("mes", json.get("rule"));
        assertEquals("", err());
    }

    @Test
    void accepts_equals_form_and_prints_exact_fractional_totals() {
        Path file = SharedData.file("Poland_Krakow_2024_Podgorze.pb");
        assertEquals(0, run("--rule=greedy", "--input=" + file));
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) MiniJson.parse(out());
        Rational total = Rational.parse((String) json.get("totalCost"));
        assertTrue(total.compareTo(Rational.parse("2572946.76")) <= 0);
        assertFalse(((List<?>) json.get("selected")).isEmpty());
    }

    @Test
    void bad_arguments_fail_without_stack_trace() {
        assertEquals(TallyCommand.USAGE, run("--rule", "borda", "--input", "x.pb"));
        assertTrue(err().contains("unknown rule: borda"));
        assertFalse(err().contains("Exception"));
        assertEquals("", out());
        assertNotEquals(0, run("--input", "x.pb"));
        assertNotEquals(0, run("--rule"));
        assertNotEquals(0, run("--rule", "mes", "--oops"));
    }

    @Test
    void unreadable_or_invalid_files_fail_cleanly(@TempDir Path dir) throws IOException {
        assertEquals(TallyCommand.INPUT_ERROR, run("--rule", "mes", "--input", dir.resolve("missing.pb").toString()));
        assertTrue(err().contains("cannot read"));
        Path broken = Files.writeString(dir.resolve("broken.pb"), "META\nkey;value\nvote_type;approval\n");
        assertEquals(TallyCommand.INPUT_ERROR, run("--rule", "mes", "--input", broken.toString()));
        assertTrue(err().contains("not a valid Pabulib file"));
        assertFalse(err().contains("\tat "));
        assertEquals("", out());
    }

    @Test
    void escapes_json_strings() {
        String json = TallyCommand.toJson(new TallyOutcome("mes", List.of("a\"b", "c\\d", "e\nf", "\u0001"), Rational.of(1, 3)));
        assertEquals("{\"rule\": \"mes\", \"selected\": [\"a\\\"b\", \"c\\\\d\", \"e\\nf\", \"\\u0001\"], \"totalCost\": \"1/3\"}", json);
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) MiniJson.parse(json);
        assertEquals(List.of("a\"b", "c\\d", "e\nf", "\u0001"), parsed.get("selected"));
    }
}
