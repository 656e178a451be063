package kr.hamkke.budgeting.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Cross-checks against what cities actually funded, and the audit trail on a real election. */
class OfficialResultsTest {

    /** These cities counted with MES + add1 (META rule equalshares/add1); `selected` = 1 marks what they funded. */
    @ParameterizedTest
    @ValueSource(strings = {"Poland_Swiecie_2023.pb", "Netherlands_Assen_2024.pb"})
    void mes_add1_reproduces_the_citys_equal_shares_result(String file) {
        PbElection election = SharedData.parse(file);
        assertEquals("equalshares/add1", election.meta().get("rule"));
        Set<String> funded = election.projects().stream().filter(p -> "1".equals(p.fields().get("selected")))
                .map(PbProject::id).collect(Collectors.toSet());
        TallyOutcome outcome = TallyRule.MES_ADD1.count(TallyInstance.from(election));
        assertEquals(funded, new HashSet<>(outcome.selected()));
    }

    @Test
    void traced_and_fast_runs_agree_and_every_project_gets_an_explanation() {
        TallyInstance instance = TallyInstance.from(SharedData.parse("Poland_Gdynia_2020_Dabrowa__small.pb"));
        MesResult traced = EqualShares.run(instance, Satisfaction.COST);
        MesResult fast = EqualShares.run(new GroupedProfile(instance, Satisfaction.COST), 0, false);
        assertEquals(traced.selected(), fast.selected());
        assertEquals(traced.rounds(), fast.rounds());
        assertEquals(List.of(), traced.violations());
        assertEquals(List.of("4", "8", "12", "13"), traced.selected());
        // Every supported project is either a winner (one round) or a loser with the money its supporters held.
        assertEquals(instance.projectCount(), traced.rounds().size() + traced.losers().size());
        for (MesLoser loser : traced.losers()) assertTrue(loser.moneyHeld().lessThan(loser.cost()), loser.projectId());
        Map<String, String> sentences = Explanations.of(traced);
        assertEquals(instance.projectCount(), sentences.size());
        assertTrue(sentences.get("4").startsWith("MES: 지지자 863명이 1인당 최대 "), sentences.get("4"));
        Map<String, String> greedy = Explanations.of(Greedy.run(instance, Satisfaction.COST));
        assertEquals("1위, 사업비 7,000원이 남은 예산 66,490원 이내라 선정", greedy.get("4"));
    }
}
