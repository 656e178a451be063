package kr.hamkke.budgeting.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule listed in ../shared/pabulib/expected/*.json gives exactly the reference selection and total. */
class ExpectedResultsTest {

    static Stream<Arguments> fixtures() throws IOException {
        Path expected = SharedData.pabulib().resolve("expected");
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(expected)) {
            for (Path json : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(Files.readString(json));
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> results = (Map<String, Map<String, Object>>) doc.get("results");
                results.forEach((rule, outcome) -> cases.add(Arguments.of(doc.get("file"), rule, outcome.get("selected"), outcome.get("totalCost"))));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fixtures")
    void matches_the_reference(String file, String rule, List<String> selected, String totalCost) {
        TallyInstance instance = TallyInstance.from(SharedData.parse(file));
        TallyOutcome outcome = TallyRule.byName(rule).orElseThrow().count(instance);
        assertEquals(selected, outcome.selected());
        assertEquals(totalCost, outcome.totalCost().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void vote_counts_match_the_fixture(String file, String rule, List<String> selected, String totalCost) throws IOException {
        if (!rule.equals("greedy")) return;
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(Files.readString(
                SharedData.pabulib().resolve("expected").resolve(file.replace(".pb", ".json"))));
        PbElection election = SharedData.parse(file);
        assertEquals(doc.get("budget"), election.budget().toString());
        assertEquals(doc.get("num_ballots"), String.valueOf(election.ballots().size()));
        GreedyResult greedy = Greedy.run(TallyInstance.from(election), Satisfaction.CARDINALITY);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> projects = (List<Map<String, Object>>) doc.get("projects");
        for (Map<String, Object> p : projects) {
            GreedyStep step = greedy.steps().stream().filter(s -> s.projectId().equals(p.get("id"))).findFirst().orElseThrow();
            assertEquals(p.get("approvals"), String.valueOf(step.votes()), "approvals of " + p.get("id"));
            assertEquals(p.get("cost"), step.cost().toString());
        }
    }
}
