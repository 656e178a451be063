package kr.hamkke.budgeting.tally;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code tally --rule RULE --input FILE.pb}: counts a Pabulib file and prints one JSON object
 * {@code {"rule": …, "selected": [...], "totalCost": "exact"}}. Errors go to {@code err} as one line,
 * never a stack trace, with a non-zero exit code.
 */
public final class TallyCommand {

    static final int OK = 0;
    static final int USAGE = 2;
    static final int INPUT_ERROR = 3;

    private static final String USAGE_TEXT = "usage: tally --rule RULE --input FILE.pb  (RULE: "
            + Stream.of(TallyRule.values()).map(TallyRule::publishedName).collect(Collectors.joining(", ")) + ")";

    private TallyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String ruleName = null;
        String input = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            String name = arg;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (arg.equals("--rule") || arg.equals("--input")) {
                if (i + 1 >= args.length) return usage(err, "missing value for " + arg);
                value = args[++i];
            }
            switch (name) {
                case "--rule" -> ruleName = value;
                case "--input" -> input = value;
                case "--help", "-h" -> {
                    out.println(USAGE_TEXT);
                    return OK;
                }
                default -> {
                    return usage(err, "unknown argument: " + arg);
                }
            }
        }
        if (ruleName == null) return usage(err, "missing --rule");
        if (input == null) return usage(err, "missing --input");
        Optional<TallyRule> rule = TallyRule.byName(ruleName);
        if (rule.isEmpty()) return usage(err, "unknown rule: " + ruleName);
        Path file = Path.of(input);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println("error: cannot read input file " + input);
            return INPUT_ERROR;
        }
        try {
            PbElection election = PabulibParser.parse(file);
            TallyOutcome outcome = rule.get().count(TallyInstance.from(election));
            out.println(toJson(outcome));
            return OK;
        } catch (IOException e) {
            err.println("error: cannot read input file " + input + ": " + e.getMessage());
            return INPUT_ERROR;
        } catch (PabulibFormatException e) {
            err.println("error: " + input + " is not a valid Pabulib file: " + e.getMessage());
            return INPUT_ERROR;
        } catch (RuntimeException e) {
            err.println("error: could not count " + input + ": " + e);
            return INPUT_ERROR;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE_TEXT);
        return USAGE;
    }

    static String toJson(TallyOutcome outcome) {
        String selected = outcome.selected().stream().map(Json::quote).collect(Collectors.joining(", "));
        return "{\"rule\": " + Json.quote(outcome.rule()) + ", \"selected\": [" + selected + "], \"totalCost\": "
                + Json.quote(outcome.totalCost().toString()) + "}";
    }
}
