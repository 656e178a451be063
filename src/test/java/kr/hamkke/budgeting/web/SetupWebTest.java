package kr.hamkke.budgeting.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import kr.hamkke.budgeting.service.PhaseKind;
import kr.hamkke.identity.Role;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

/** Staff set a cycle up from the web: new cycle with its calendar, the whole calendar later, tracks; the freeze. */
@MicronautTest(transactional = false)
class SetupWebTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    Browser staff() {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(TestAccounts.withRole(ctx, Role.BUDGET_STAFF, "GLOBAL", "").email(), TestAccounts.PASSWORD).statusCode());
        b.get("/budgeting/staff/cycles/new");
        return b;
    }

    static LocalDate today() {
        return PbFixtures.today();
    }

    /** Form fields for SUBMISSION/VOTING/TALLY, one day each, with `current` today. */
    static Map<String, String> calendar(PhaseKind current) {
        Map<String, String> f = new HashMap<>();
        PhaseKind[] used = {PhaseKind.SUBMISSION, PhaseKind.SCREENING, PhaseKind.VOTING, PhaseKind.TALLY};
        int at = java.util.Arrays.asList(used).indexOf(current);
        for (int i = 0; i < used.length; i++) {
            String day = today().plusDays(i - at).toString();
            f.put(used[i].name() + "-start", day);
            f.put(used[i].name() + "-end", day);
        }
        return f;
    }

    static long idFrom(HttpResponse<String> r) {
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
    }

    @Test
    void staffCreateACycleWithItsCalendarFromTheWeb() {
        Browser b = staff();
        String name = "웹에서 만든 주기 " + UUID.randomUUID().toString().substring(0, 6);
        long before = PbFixtures.count("SELECT COUNT(*) FROM pb_cycle");

        Map<String, String> bad = calendar(PhaseKind.SUBMISSION);
        bad.put("name", "");
        bad.put("fiscalYear", "20x7");
        bad.put("TALLY-start", today().minusDays(30).toString()); // the count before the vote
        HttpResponse<String> invalid = b.post("/budgeting/staff/cycles", bad);
        assertEquals(422, invalid.statusCode());
        for (String field : new String[] {"name", "fiscalYear", "TALLY-start"}) {
            assertTrue(invalid.body().contains("href=\"#" + field + "\""), "error summary links to " + field);
        }
        assertTrue(invalid.body().contains("집계: 앞 단계가 끝난 다음 날부터 시작해야 합니다."), invalid.body());
        assertEquals(before, PbFixtures.count("SELECT COUNT(*) FROM pb_cycle"), "nothing created");

        Map<String, String> ok = calendar(PhaseKind.SUBMISSION);
        ok.put("name", name);
        ok.put("fiscalYear", "2027");
        HttpResponse<String> created = b.post("/budgeting/staff/cycles", ok);
        assertEquals(303, created.statusCode(), created.body());
        long cycle = idFrom(created);
        assertEquals(4, PbFixtures.count("SELECT COUNT(*) FROM pb_phase WHERE cycle_id = ?", cycle), "optional phases left empty are not created");
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'pb.cycle.create' AND subject_id = ?", Long.toString(cycle)));
        assertTrue(b.get("/budgeting/cycles/" + cycle).body().contains("제안 접수"));

        // The whole calendar in one form: screening today.
        b.get("/budgeting/staff/cycles/" + cycle + "/schedule");
        assertEquals(303, b.post("/budgeting/staff/cycles/" + cycle + "/schedule", calendar(PhaseKind.SCREENING)).statusCode());
        assertEquals(today().toString(), PbFixtures.string("SELECT starts_on FROM pb_phase WHERE cycle_id = ? AND kind = 'SCREENING'", cycle));
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'pb.cycle.schedule' AND subject_id = ?", Long.toString(cycle)));
        Map<String, String> overlap = calendar(PhaseKind.SCREENING);
        overlap.put("VOTING-start", today().toString());
        assertEquals(422, b.post("/budgeting/staff/cycles/" + cycle + "/schedule", overlap).statusCode());
        assertEquals(today().plusDays(1).toString(), PbFixtures.string("SELECT starts_on FROM pb_phase WHERE cycle_id = ? AND kind = 'VOTING'", cycle),
                "a refused calendar changes nothing");

        Browser citizen = new Browser(server.getURI());
        citizen.signIn(TestAccounts.verified(ctx).email(), TestAccounts.PASSWORD);
        citizen.get("/budgeting");
        assertEquals(403, citizen.post("/budgeting/staff/cycles", ok).statusCode(), "citizens cannot create cycles");
    }

    @Test
    void staffAddTracksUntilVotingOpensThenTheCalendarsVoteAndTracksFreeze() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.DELIBERATION);
        Browser b = staff();
        b.get("/budgeting/staff/cycles/" + cycle + "/tracks/new");
        Map<String, String> track = new HashMap<>(Map.of("code", "park", "nameKo", "생활 공원", "scope", "GU", "scopeUnit", "11440",
                "envelope", "500,000,000", "ballotRule", "KNAPSACK", "maxPicks", "8", "ruleParam", "80", "allocation", "MES"));
        track.put("runningOrgUnit", "PARK");
        HttpResponse<String> created = b.post("/budgeting/staff/cycles/" + cycle + "/tracks", track);
        assertEquals(303, created.statusCode(), created.body());
        long id = idFrom(created);
        assertEquals("PARK|GU|11440|500000000|KNAPSACK|8|80|MES", PbFixtures.string("""
                SELECT CONCAT_WS('|', code, scope, scope_unit, envelope_won, ballot_rule, max_picks, rule_param, allocation)
                FROM pb_track WHERE id = ?""", id), "lower-case code upper-cased, 원 with commas read");
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'pb.track.create' AND subject_id = ?", Long.toString(id)));

        HttpResponse<String> again = b.post("/budgeting/staff/cycles/" + cycle + "/tracks", track);
        assertEquals(422, again.statusCode(), "same code twice in one cycle");
        assertTrue(again.body().contains("같은 코드의 트랙이 이미 있습니다"));
        Map<String, String> bad = new HashMap<>(track);
        bad.put("code", "OTHER");
        bad.put("scopeUnit", "");
        bad.put("envelope", "오억");
        bad.put("ruleParam", "150");
        HttpResponse<String> invalid = b.post("/budgeting/staff/cycles/" + cycle + "/tracks", bad);
        assertEquals(422, invalid.statusCode());
        assertTrue(invalid.body().contains("href=\"#envelope\""));
        Map<String, String> wraps = new HashMap<>(track);
        wraps.put("code", "WRAP");
        wraps.put("maxPicks", "4294967297"); // would be 1 if narrowed to int by wrapping
        HttpResponse<String> huge = b.post("/budgeting/staff/cycles/" + cycle + "/tracks", wraps);
        assertEquals(422, huge.statusCode());
        assertTrue(huge.body().contains("href=\"#maxPicks\""));
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM pb_track WHERE cycle_id = ?", cycle), "nothing else created");

        StaffWebTest.setPhase(cycle, PhaseKind.VOTING);
        Map<String, String> late = new HashMap<>(track);
        late.put("code", "LATE");
        assertEquals(409, b.post("/budgeting/staff/cycles/" + cycle + "/tracks", late).statusCode(), "no new track once voting opened");
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM pb_track WHERE cycle_id = ?", cycle));
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'pb.cycle.change-refused' AND subject_id = ?",
                Long.toString(cycle)), "the refusal is audited");

        // The calendar form still works for other phases, but the open vote cannot move.
        Map<String, String> schedule = new HashMap<>();
        PbFixtures.phasesWithCurrent(PhaseKind.VOTING).forEach((k, d) -> {
            schedule.put(k.name() + "-start", d[0].toString());
            schedule.put(k.name() + "-end", d[1].toString());
        });
        schedule.put("EXECUTION-end", today().plusDays(400).toString());
        b.get("/budgeting/staff/cycles/" + cycle + "/schedule");
        assertEquals(303, b.post("/budgeting/staff/cycles/" + cycle + "/schedule", schedule).statusCode(), "later phases may move");
        schedule.put("VOTING-end", today().plusDays(5).toString()); // a valid calendar, but the vote is open
        String votingEnd = PbFixtures.string("SELECT ends_on FROM pb_phase WHERE cycle_id = ? AND kind = 'VOTING'", cycle);
        assertEquals(409, b.post("/budgeting/staff/cycles/" + cycle + "/schedule", schedule).statusCode(), "the open vote cannot move");
        assertEquals(votingEnd, PbFixtures.string("SELECT ends_on FROM pb_phase WHERE cycle_id = ? AND kind = 'VOTING'", cycle));
        long votingPhase = PbFixtures.count("SELECT id FROM pb_phase WHERE cycle_id = ? AND kind = 'VOTING'", cycle);
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'pb.phase.change-refused' AND subject_id = ?",
                Long.toString(votingPhase)), "the refusal is audited");
    }
}
