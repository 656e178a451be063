package kr.hamkke.assembly.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.assembly.CycleService;
import kr.hamkke.assembly.sortition.CommitReveal;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.Actor;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static kr.hamkke.assembly.web.AssemblyFixtures.count;
import static kr.hamkke.assembly.web.AssemblyFixtures.string;
import static kr.hamkke.assembly.web.AssemblyFixtures.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Survey panel (V35): staff create, only invited members answer, once each, never after close; results after close. */
@MicronautTest(transactional = false)
class SurveyWebTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    private Browser signedIn(String email) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(email, TestAccounts.PASSWORD).statusCode());
        b.get("/assembly/me");
        return b;
    }

    private record Setup(long cycle, List<Browser> members, Browser selectedOnly, Browser admin) {
    }

    /** A drawn cycle with four appointed members and one member who is only SELECTED. */
    private Setup setup(String secret) throws Exception {
        CycleService cycles = ctx.getBean(CycleService.class);
        long cycle = AssemblyFixtures.recruitingCycle(ctx);
        AssemblyFixtures.applicants(ctx, cycle, 12);
        cycles.publishCommitment(Actor.SYSTEM, cycle, CommitReveal.commitment(secret));
        cycles.freeze(Actor.SYSTEM, cycle);
        cycles.draw(Actor.SYSTEM, cycle, "beacon", secret);
        List<String> ids = strings("SELECT id FROM assembly_membership WHERE cycle_id = " + cycle + " AND status = 'SELECTED' ORDER BY id");
        List<Browser> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Browser b = signedIn(emailOf(ids.get(i)));
            assertEquals(303, b.post("/assembly/memberships/" + ids.get(i) + "/accept", Map.of()).statusCode());
            members.add(b);
        }
        return new Setup(cycle, members, signedIn(emailOf(ids.get(4))), signedIn(TestAccounts.withRole(ctx, Role.ADMIN).email()));
    }

    private static String emailOf(String membershipId) throws Exception {
        return string("SELECT a.email FROM assembly_membership m JOIN account a ON a.id = m.account_id WHERE m.id = " + membershipId);
    }

    private static String local(LocalDateTime t) {
        return t.withSecond(0).withNano(0).toString();
    }

    private static Map<String, String> surveyForm(String question, String options, boolean multi) {
        LocalDateTime now = LocalDateTime.now(kr.hamkke.shared.ClockFactory.SEOUL);
        return Map.of("question", question, "options", options, "multi", multi ? "true" : "",
                "opensAt", local(now.minusHours(1)), "closesAt", local(now.plusDays(3)));
    }

    private String create(Setup s, String question, String options, boolean multi) throws Exception {
        s.admin().get("/assembly/" + s.cycle() + "/surveys");
        assertEquals(303, s.admin().post("/staff/assembly/" + s.cycle() + "/surveys", surveyForm(question, options, multi)).statusCode());
        return string("SELECT MAX(id) FROM assembly_survey WHERE cycle_id = " + s.cycle());
    }

    private static List<String> options(String survey) throws Exception {
        return strings("SELECT id FROM assembly_survey_option WHERE survey_id = " + survey + " ORDER BY seq");
    }

    /** Posts an answer with any number of "option" values, as a checkbox form does. */
    private int answer(Browser b, String survey, String... optionIds) {
        b.get("/assembly/surveys/" + survey);
        String body = "_csrf=" + URLEncoder.encode(b.csrf(), StandardCharsets.UTF_8)
                + java.util.Arrays.stream(optionIds).map(o -> "&option=" + o).collect(Collectors.joining());
        return b.send(HttpRequest.newBuilder(server.getURI().resolve("/assembly/surveys/" + survey + "/answer"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).statusCode();
    }

    @Test
    void staffCreateOnlyInvitedMembersAnswerOnceAndResultsFollowTheClose() throws Exception {
        Setup s = setup("s1");
        String path = "/staff/assembly/" + s.cycle() + "/surveys";

        // Only staff create; bad input is 422 and stores nothing.
        s.members().get(0).get("/assembly/" + s.cycle() + "/surveys");
        assertEquals(403, s.members().get(0).post(path, surveyForm("버스 노선 개편에 대한 의견은?", "찬성\n반대", false)).statusCode());
        s.admin().get("/assembly/" + s.cycle() + "/surveys");
        assertEquals(422, s.admin().post(path, surveyForm("짧음", "찬성\n반대", false)).statusCode());
        assertEquals(422, s.admin().post(path, surveyForm("버스 노선 개편에 대한 의견은?", "찬성", false)).statusCode(), "two options at least");
        assertEquals(422, s.admin().post(path, surveyForm("버스 노선 개편에 대한 의견은?", "찬성\n찬성", false)).statusCode(), "distinct options");
        var bad = new java.util.HashMap<>(surveyForm("버스 노선 개편에 대한 의견은?", "찬성\n반대", false));
        bad.put("closesAt", local(LocalDateTime.now(kr.hamkke.shared.ClockFactory.SEOUL).minusDays(1)));
        assertEquals(422, s.admin().post(path, bad).statusCode(), "closing before now");
        bad.put("closesAt", "내일");
        assertEquals(422, s.admin().post(path, bad).statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM assembly_survey WHERE cycle_id = " + s.cycle()), "bad input stores nothing");

        String survey = create(s, "심야 버스를 늘려야 할까요?", "늘려야 한다\n지금이 적당하다\n줄여도 된다", false);
        List<String> opts = options(survey);
        assertEquals(3, opts.size());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.survey.create' AND subject_id = '" + survey + "'"));

        // Non-members: a verified citizen, a member who is only SELECTED, staff themselves.
        Browser outsider = signedIn(TestAccounts.verified(ctx).email());
        assertEquals(403, answer(outsider, survey, opts.get(0)));
        assertEquals(403, answer(s.selectedOnly(), survey, opts.get(0)));
        assertEquals(403, answer(s.admin(), survey, opts.get(0)));
        assertEquals(0, count("SELECT COUNT(*) FROM assembly_survey_answer WHERE survey_id = " + survey), "non-members store nothing");

        // Bad choices: none, two on a single-choice survey, an option of another survey.
        assertEquals(422, answer(s.members().get(0), survey));
        assertEquals(422, answer(s.members().get(0), survey, opts.get(0), opts.get(1)));
        assertEquals(422, answer(s.members().get(0), survey, "999999999"));

        assertEquals(303, answer(s.members().get(0), survey, opts.get(0)));
        assertEquals(409, answer(s.members().get(0), survey, opts.get(1)), "a second answer is refused");
        assertEquals(303, answer(s.members().get(1), survey, opts.get(0)));
        assertEquals(303, answer(s.members().get(2), survey, opts.get(1)));
        assertEquals(3, count("SELECT COUNT(*) FROM assembly_survey_answer WHERE survey_id = " + survey));
        assertEquals(3, count("SELECT COUNT(*) FROM assembly_survey_choice WHERE survey_id = " + survey), "the refused second answer counts nothing");
        assertEquals(3, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.survey.answer' AND subject_id = '" + survey + "'"));
        assertEquals(0, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.survey.answer' AND subject_id = '" + survey
                + "' AND summary LIKE '%option%'"), "the audit never records the choice");

        // Before close: no results on the page.
        String open = new Browser(server.getURI()).get("/assembly/surveys/" + survey).body();
        assertFalse(open.contains("survey-results-caption"), "results are hidden while open");

        assertEquals(403, s.members().get(0).post("/staff/assembly/surveys/" + survey + "/close", Map.of()).statusCode());
        s.admin().get("/assembly/surveys/" + survey);
        assertEquals(303, s.admin().post("/staff/assembly/surveys/" + survey + "/close", Map.of()).statusCode());
        assertEquals(409, s.admin().post("/staff/assembly/surveys/" + survey + "/close", Map.of()).statusCode());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.survey.close' AND subject_id = '" + survey + "'"));

        assertEquals(409, answer(s.members().get(3), survey, opts.get(2)), "answering after close is refused");
        assertEquals(3, count("SELECT COUNT(*) FROM assembly_survey_answer WHERE survey_id = " + survey));

        String page = new Browser(server.getURI()).get("/assembly/surveys/" + survey).body();
        assertTrue(page.contains("<svg role=\"img\""), "an accessible chart");
        assertTrue(page.contains("survey-results-caption"), "and a data table");
        assertTrue(page.contains("<td>2</td><td>66.7</td>"), "늘려야 한다: 2 of 3");
        assertTrue(page.contains("<td>1</td><td>33.3</td>"), "지금이 적당하다: 1 of 3");
        assertTrue(page.contains("<td>0</td><td>0.0</td>"), "줄여도 된다: none");
        assertTrue(page.contains("응답 3명 / 대상 위원 4명"));
    }

    @Test
    void multipleChoiceCountsEveryChosenOptionOnce() throws Exception {
        Setup s = setup("s2");
        String survey = create(s, "어떤 교통수단을 주로 이용하나요?", "버스\n지하철\n자전거", true);
        List<String> opts = options(survey);
        assertEquals(303, answer(s.members().get(0), survey, opts.get(0), opts.get(1), opts.get(1)));
        assertEquals(303, answer(s.members().get(1), survey, opts.get(1)));
        assertEquals(2, count("SELECT COUNT(*) FROM assembly_survey_choice WHERE option_id = " + opts.get(1)));
        assertEquals(1, count("SELECT COUNT(*) FROM assembly_survey_choice WHERE option_id = " + opts.get(0)));
        AssemblyFixtures.exec("UPDATE assembly_survey SET closes_at = DATE_SUB(UTC_TIMESTAMP(6), INTERVAL 1 SECOND) WHERE id = " + survey);
        assertEquals(409, answer(s.members().get(2), survey, opts.get(2)), "the window has passed");
        String page = new Browser(server.getURI()).get("/assembly/surveys/" + survey).body();
        assertTrue(page.contains("<td>2</td><td>100.0</td>"), "지하철: both respondents");
        assertTrue(page.contains("<td>1</td><td>50.0</td>"), "버스: one of two");
    }

    @Test
    void concurrentSecondAnswersCountOnce() throws Exception {
        Setup s = setup("s3");
        String survey = create(s, "공원 야간 조명을 늘릴까요?", "예\n아니오", false);
        List<String> opts = options(survey);
        Browser member = s.members().get(0);
        member.get("/assembly/surveys/" + survey);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String option = opts.get(i % 2);
                tries.add(() -> answer(member, survey, option));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(tries)) {
                codes.add(f.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 303).count(), "exactly one answer wins: " + codes);
            assertEquals(3, codes.stream().filter(c -> c == 409).count(), "the others are 409: " + codes);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, count("SELECT COUNT(*) FROM assembly_survey_answer WHERE survey_id = " + survey));
        assertEquals(1, count("SELECT COUNT(*) FROM assembly_survey_choice WHERE survey_id = " + survey));
    }
}
