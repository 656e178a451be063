package kr.hamkke.proposals;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both bundles have the same keys, and every literal key a proposals template uses exists. */
class ProposalsI18nTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProposalsI18nTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void koreanAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(load("proposals_ko.properties").stringPropertyNames(), load("proposals_en.properties").stringPropertyNames());
    }

    @Test
    void everyLiteralTemplateKeyExists() throws IOException {
        Set<String> known = new TreeSet<>(load("proposals_ko.properties").stringPropertyNames());
        known.addAll(load("messages_ko.properties").stringPropertyNames());
        Pattern literal = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)(\\(|\\})");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/views/proposals"))) {
            for (Path f : files.toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), missing.toString());
    }

    @Test
    void everyMenuLabelHasADescription() throws IOException {
        Properties ko = load("proposals_ko.properties");
        for (String key : new String[]{"nav.participate", "nav.proposals"}) {
            assertTrue(ko.containsKey(key) && ko.containsKey(key + ".desc"), key);
        }
    }
}
