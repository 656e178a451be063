package kr.hamkke.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples (jdk.ExecutionSample) of a JFR recording: bench/jfr-top.sh FILE.jfr [N].
 * Prints the share of samples per component (the innermost frame that belongs to a known library or to
 * Hamkke), the top N methods by self samples, and the top N Hamkke methods by inclusive samples.
 */
public final class JfrTop {

    /** Component of a stack: first match from the top of the stack (innermost frame) wins. */
    private static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("com.mysql.", "Connector/J");
        COMPONENTS.put("com.zaxxer.hikari.", "Hikari");
        COMPONENTS.put("org.thymeleaf.", "Thymeleaf");
        COMPONENTS.put("org.attoparser.", "Thymeleaf");
        COMPONENTS.put("ognl.", "Thymeleaf");
        COMPONENTS.put("com.nimbusds.", "JWT (Nimbus)");
        COMPONENTS.put("io.micronaut.security.", "Micronaut Security");
        COMPONENTS.put("at.favre.lib.crypto.bcrypt", "bcrypt");
        COMPONENTS.put("org.mindrot.", "bcrypt");
        COMPONENTS.put("io.micronaut.data.", "Micronaut Data/tx");
        COMPONENTS.put("io.micronaut.transaction.", "Micronaut Data/tx");
        COMPONENTS.put("io.micronaut.views.", "Micronaut Views");
        COMPONENTS.put("io.micronaut.http.", "Micronaut HTTP");
        COMPONENTS.put("io.micronaut.web.", "Micronaut HTTP");
        COMPONENTS.put("io.micronaut.serde.", "Serde/JSON");
        COMPONENTS.put("com.fasterxml.", "Serde/JSON");
        COMPONENTS.put("io.micronaut.", "Micronaut other");
        COMPONENTS.put("io.netty.", "Netty");
        COMPONENTS.put("io.micrometer.", "Micrometer");
        COMPONENTS.put("ch.qos.logback.", "Logging");
        COMPONENTS.put("kr.hamkke.", "Hamkke code");
    }

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> components = new HashMap<>();
        int total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            total++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            String component = "JDK/other";
            boolean found = false;
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (n.startsWith("kr.hamkke.") && seen.add(n)) {
                    inclusive.merge(n, 1, Integer::sum);
                }
                if (!found) {
                    for (var c : COMPONENTS.entrySet()) {
                        if (n.startsWith(c.getKey())) {
                            component = c.getValue();
                            found = true;
                            break;
                        }
                    }
                }
            }
            components.merge(component, 1, Integer::sum);
        }
        System.out.printf("%d CPU samples%n%nBy component (innermost known frame):%n", total);
        print(components, total, 30);
        System.out.printf("%nTop methods by self samples:%n");
        print(self, total, top);
        System.out.printf("%nHamkke methods by inclusive samples:%n");
        print(inclusive, total, top);
    }

    private static void print(Map<String, Integer> counts, int total, int n) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(e -> System.out.printf("  %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / total, e.getValue(), e.getKey()));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private JfrTop() {
    }
}
