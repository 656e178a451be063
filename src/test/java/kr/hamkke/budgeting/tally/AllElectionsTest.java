package kr.hamkke.budgeting.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shared Pabulib file parses and counts with greedy and MES, and the published invariants hold. */
class AllElectionsTest {

    static Stream<Path> elections() {
        return SharedData.allElections().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elections")
    void parses_and_counts(Path file) throws IOException {
        PbElection election = PabulibParser.parse(file);
        assertFalse(election.projects().isEmpty());
        assertFalse(election.ballots().isEmpty());
        TallyInstance instance = TallyInstance.from(election);

        GreedyResult greedy = Greedy.run(instance, Satisfaction.COST);
        assertEquals(List.of(), greedy.violations());

        MesResult mes = EqualShares.run(new GroupedProfile(instance, Satisfaction.COST), 0, false);
        assertEquals(List.of(), mes.violations());
        assertTrue(mes.totalCost().compareTo(instance.budget()) <= 0);

        if (election.voteType().hasPoints()) {
            assertEquals(List.of(), Greedy.run(instance, Satisfaction.POINTS).violations());
            assertEquals(List.of(), EqualShares.run(new GroupedProfile(instance, Satisfaction.POINTS), 0, false).violations());
        }
        if (election.voteType() == VoteType.ORDINAL) {
            assertEquals(List.of(), Greedy.run(instance, Satisfaction.POSITIONAL).violations());
        }
    }
}
