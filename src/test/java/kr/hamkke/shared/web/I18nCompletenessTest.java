package kr.hamkke.shared.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bundle exists in Korean and English with the same keys and no empty values, and every
 * literal message key used in a template exists.
 */
class I18nCompletenessTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path VIEWS = Path.of("src/main/resources/views");

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static List<Path> koreanBundles() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            return files.filter(f -> f.getFileName().toString().endsWith("_ko.properties")).sorted().toList();
        }
    }

    @Test
    void koreanAndEnglishBundlesHaveTheSameKeys() throws IOException {
        List<Path> bundles = koreanBundles();
        assertFalse(bundles.isEmpty());
        List<String> problems = new ArrayList<>();
        for (Path ko : bundles) {
            Path en = ko.resolveSibling(ko.getFileName().toString().replace("_ko.properties", "_en.properties"));
            if (!Files.exists(en)) {
                problems.add("missing " + en);
                continue;
            }
            Properties k = load(ko);
            Properties e = load(en);
            Set<String> onlyKo = new TreeSet<>(k.stringPropertyNames());
            onlyKo.removeAll(e.stringPropertyNames());
            Set<String> onlyEn = new TreeSet<>(e.stringPropertyNames());
            onlyEn.removeAll(k.stringPropertyNames());
            if (!onlyKo.isEmpty()) {
                problems.add(en.getFileName() + " lacks " + onlyKo);
            }
            if (!onlyEn.isEmpty()) {
                problems.add(ko.getFileName() + " lacks " + onlyEn);
            }
            for (Properties p : List.of(k, e)) {
                p.stringPropertyNames().stream().filter(key -> p.getProperty(key).isBlank())
                        .forEach(key -> problems.add("empty value for " + key));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyLiteralKeyUsedInATemplateExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (Path ko : koreanBundles()) {
            known.addAll(load(ko).stringPropertyNames());
        }
        Pattern literal = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9._\\-]*)(\\(|})");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(VIEWS)) {
            for (Path view : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = literal.matcher(Files.readString(view));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(VIEWS.relativize(view) + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }
}
