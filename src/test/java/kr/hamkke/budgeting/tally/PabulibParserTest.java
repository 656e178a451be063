package kr.hamkke.budgeting.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import kr.hamkke.shared.Rational;
import org.junit.jupiter.api.Test;

class PabulibParserTest {

    private static final String SMALL = """
            META
            key;value
            budget;2572946.76
            vote_type;cumulative
            max_sum_points;10
            PROJECTS
            project_id;cost;name
            BO.D13.65/24;1000.50;"Park; with a ""quoted"" name"
            L010;2000;Library
            VOTES
            voter_id;vote;points
            v1;BO.D13.65/24,L010;7,3
            v2;L010;10
            """;

    @Test
    void reads_decimal_budget_string_ids_quoted_fields_and_points() {
        PbElection e = PabulibParser.parse(SMALL);
        assertEquals(Rational.parse("2572946.76"), e.budget());
        assertEquals(VoteType.CUMULATIVE, e.voteType());
        assertEquals(List.of("BO.D13.65/24", "L010"), e.projects().stream().map(PbProject::id).toList());
        assertEquals(Rational.of(2001, 2), e.projects().get(0).cost());
        assertEquals("Park; with a \"quoted\" name", e.projects().get(0).name());
        assertEquals(List.of("BO.D13.65/24", "L010"), e.ballots().get(0).projectIds());
        assertEquals(List.of(7L, 3L), e.ballots().get(0).points());
        assertEquals("10", e.meta().get("max_sum_points"));
    }

    @Test
    void tolerates_bom_crlf_bare_cr_mixed_endings_and_trailing_blank_lines() {
        String messy = "\uFEFF" + SMALL.replace("\nPROJECTS\n", "\r\nprojects \r")
                .replace("\nVOTES\n", "\r\n Votes\n").replace("v2;", "\r\nv2;") + "\r\n\r\n\n";
        PbElection e = PabulibParser.parse(messy);
        assertEquals(2, e.projects().size());
        assertEquals(2, e.ballots().size());
        assertEquals(PabulibParser.parse(SMALL), e);
    }

    @Test
    void a_project_listed_twice_counts_once_with_its_points_added() {
        PbElection e = PabulibParser.parse(SMALL.replace("v2;L010;10", "v2;L010,L010;4,6"));
        assertEquals(List.of("L010"), e.ballots().get(1).projectIds());
        assertEquals(List.of(10L), e.ballots().get(1).points());
    }

    @Test
    void rejects_unknown_projects_and_missing_budget() {
        assertThrows(PabulibFormatException.class, () -> PabulibParser.parse(SMALL.replace("v2;L010", "v2;X99")));
        assertThrows(PabulibFormatException.class, () -> PabulibParser.parse(SMALL.replace("budget;2572946.76\n", "")));
        assertThrows(PabulibFormatException.class, () -> PabulibParser.parse(SMALL.replace("cumulative", "plurality")));
    }

    @Test
    void choose_1_and_ordinal_vote_types() {
        assertEquals(VoteType.CHOOSE_1, PabulibParser.parse(SMALL.replace("cumulative", "choose-1")).voteType());
        assertEquals(VoteType.ORDINAL, PabulibParser.parse(SMALL.replace("cumulative", "ordinal")).voteType());
        assertEquals(VoteType.SCORING, PabulibParser.parse(SMALL.replace("cumulative", "scoring")).voteType());
    }

    @Test
    void real_files_with_awkward_features() throws IOException {
        Path pabulib = SharedData.pabulib();
        PbElection krakow = PabulibParser.parse(pabulib.resolve("Poland_Krakow_2024_Podgorze.pb"));
        assertEquals("64323669/25", krakow.budget().toString());
        assertTrue(krakow.projects().stream().anyMatch(p -> p.id().equals("BO.D13.65/24")));
        assertEquals(Integer.valueOf(3), krakow.maxLength().orElseThrow());
        PbElection lodz = PabulibParser.parse(pabulib.resolve("Poland_Lodz_2022.pb"));
        assertEquals(90_494, lodz.ballots().size());
        assertTrue(lodz.projects().stream().anyMatch(p -> p.id().equals("L010")));
        PbElection wroclaw = PabulibParser.parse(pabulib.resolve("Poland_Wroclaw_2019.pb"));
        assertEquals(VoteType.CHOOSE_1, wroclaw.voteType());
        assertEquals(80_298, wroclaw.ballots().size());
    }
}
