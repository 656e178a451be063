package kr.hamkke.assembly.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.assembly.sortition.Applicant;
import kr.hamkke.assembly.sortition.CommitReveal;
import kr.hamkke.assembly.sortition.DrawResult;
import kr.hamkke.assembly.sortition.Pool;
import kr.hamkke.assembly.sortition.QuotaTable;
import kr.hamkke.assembly.sortition.Replacement;
import kr.hamkke.assembly.sortition.SortitionCommand;
import kr.hamkke.identity.Role;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static kr.hamkke.assembly.web.AssemblyFixtures.count;
import static kr.hamkke.assembly.web.AssemblyFixtures.string;
import static kr.hamkke.assembly.web.AssemblyFixtures.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class RecruitmentAndDrawWebTest {

    static final String SECRET = "assembly test secret";
    static final String BEACON = "2026-11-21 #1199: 3,11,19,24,36,41 +7";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    private Browser signedIn(String email) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(email, TestAccounts.PASSWORD).statusCode());
        return b;
    }

    @Test
    void verifiedCitizenAppliesOnceUnverifiedIsRefusedWithTheReason() throws Exception {
        long cycle = AssemblyFixtures.recruitingCycle(ctx);

        var unverified = TestAccounts.citizen(ctx);
        Browser u = signedIn(unverified.email());
        HttpResponse<String> page = u.get("/assembly/" + cycle + "/apply");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("본인인증을 마친 뒤 참여할 수 있습니다."), "the reason is shown");
        HttpResponse<String> refused = u.post("/assembly/" + cycle + "/apply", Map.of("motivation", "참여하고 싶어요",
                "availability", "주말", "consentPrivacy", "yes"));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("본인인증을 마친 뒤 신청할 수 있습니다."), refused.body());

        var citizen = TestAccounts.verified(ctx, java.time.LocalDate.of(2001, 3, 3), "11680");
        Browser b = signedIn(citizen.email());
        b.get("/assembly/" + cycle + "/apply");
        HttpResponse<String> invalid = b.post("/assembly/" + cycle + "/apply", Map.of("motivation", "", "availability", ""));
        assertEquals(422, invalid.statusCode());
        assertTrue(invalid.body().contains("href=\"#motivation\""));
        assertTrue(invalid.body().contains("href=\"#consentPrivacy\""));

        HttpResponse<String> ok = b.post("/assembly/" + cycle + "/apply", Map.of("motivation", "기후 문제를 함께 풀고 싶습니다",
                "availability", "평일 저녁", "consentPrivacy", "yes"));
        assertEquals(303, ok.statusCode(), ok.body());
        assertEquals("/assembly/me", ok.headers().firstValue("Location").orElseThrow());
        String code = string("SELECT code FROM assembly_application WHERE cycle_id = " + cycle + " AND account_id = " + citizen.id());
        assertTrue(code.matches("[A-Z2-9]{8}"), code);
        assertEquals("20s|" + (citizen.id() % 2 == 0 ? "F" : "M") + "|11680",
                string("SELECT CONCAT(age_band, '|', gender, '|', gu_code) FROM assembly_application WHERE code = '" + code + "'"),
                "demographics come from the verified identity");
        assertTrue(b.get("/assembly/me").body().contains(code));

        b.get("/assembly/" + cycle);
        HttpResponse<String> again = b.post("/assembly/" + cycle + "/apply", Map.of("motivation", "또 신청", "availability", "언제나",
                "consentPrivacy", "yes"));
        assertEquals(409, again.statusCode());
        assertEquals(1, count("SELECT COUNT(*) FROM assembly_application WHERE cycle_id = " + cycle + " AND account_id = " + citizen.id()));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.apply' AND summary LIKE '%code=" + code + "%'"));
    }

    @Test
    void commitRevealDrawMatchesTheCliAndReplacementFollowsTheRule() throws Exception {
        long cycle = AssemblyFixtures.recruitingCycle(ctx);
        AssemblyFixtures.applicants(ctx, cycle, 24);
        var admin = TestAccounts.withRole(ctx, Role.ADMIN);
        Browser staff = signedIn(admin.email());
        assertEquals(200, staff.get("/staff/assembly/" + cycle).statusCode());

        // freezing without a commitment is refused
        assertEquals(409, staff.post("/staff/assembly/" + cycle + "/freeze", Map.of()).statusCode());
        String commitment = CommitReveal.commitment(SECRET);
        assertEquals(303, staff.post("/staff/assembly/" + cycle + "/commit", Map.of("commitment", commitment)).statusCode());
        assertTrue(new Browser(server.getURI()).get("/assembly/" + cycle).body().contains(commitment), "commitment is public");
        staff.get("/staff/assembly/" + cycle);
        assertEquals(303, staff.post("/staff/assembly/" + cycle + "/freeze", Map.of()).statusCode());

        // a secret that does not open the commitment is refused and nothing is drawn
        staff.get("/staff/assembly/" + cycle);
        HttpResponse<String> wrong = staff.post("/staff/assembly/" + cycle + "/draw", Map.of("beacon", BEACON, "secret", "not the secret"));
        assertEquals(422, wrong.statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM assembly_draw WHERE cycle_id = " + cycle));
        assertEquals(0, count("SELECT COUNT(*) FROM assembly_membership WHERE cycle_id = " + cycle));
        assertEquals("RECRUITING", string("SELECT status FROM assembly_cycle WHERE id = " + cycle));

        HttpResponse<String> drawn = staff.post("/staff/assembly/" + cycle + "/draw", Map.of("beacon", BEACON, "secret", SECRET));
        assertEquals(303, drawn.statusCode(), drawn.body());
        assertEquals("DRAWN", string("SELECT status FROM assembly_cycle WHERE id = " + cycle));

        // the published files re-run through the CLI give the stored draw
        Browser anyone = new Browser(server.getURI());
        String poolFile = anyone.get("/assembly/" + cycle + "/pool.txt").body();
        String quotaCsv = anyone.get("/assembly/" + cycle + "/quotas.csv").body();
        Path dir = Files.createTempDirectory("assembly-draw");
        Path pool = dir.resolve("pool.txt");
        Path quotas = dir.resolve("quotas.csv");
        Files.writeString(pool, poolFile);
        Files.writeString(quotas, quotaCsv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = SortitionCommand.run(new String[]{"--input", pool.toString(), "--quotas", quotas.toString(), "--secret", SECRET,
                "--beacon", BEACON, "--commitment", commitment}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, exit);
        String json = out.toString(StandardCharsets.UTF_8);
        assertEquals(jsonArray(json, "selected"), List.of(string("SELECT selected_codes FROM assembly_draw WHERE cycle_id = " + cycle).split(",")));
        assertEquals(jsonArray(json, "reserves"), List.of(string("SELECT reserve_codes FROM assembly_draw WHERE cycle_id = " + cycle).split(",")));
        assertTrue(json.contains("\"seed\": \"" + string("SELECT seed FROM assembly_draw WHERE cycle_id = " + cycle) + "\"")
                || json.contains("\"seed\":\"" + string("SELECT seed FROM assembly_draw WHERE cycle_id = " + cycle) + "\""), json);
        assertTrue(json.contains(string("SELECT pool_hash FROM assembly_cycle WHERE id = " + cycle)));
        assertEquals(6, count("SELECT COUNT(*) FROM assembly_membership WHERE cycle_id = " + cycle + " AND status = 'SELECTED'"));
        assertEquals(4, count("SELECT COUNT(*) FROM assembly_membership WHERE cycle_id = " + cycle + " AND status = 'RESERVE'"));

        HttpResponse<String> drawPage = anyone.get("/assembly/" + cycle + "/draw");
        assertEquals(200, drawPage.statusCode());
        assertTrue(drawPage.body().contains("java -jar target/hamkke.jar sortition"), "the re-run command is published");
        assertTrue(drawPage.body().contains(commitment));

        // a second draw is refused
        staff.get("/staff/assembly/" + cycle);
        assertEquals(409, staff.post("/staff/assembly/" + cycle + "/draw", Map.of("beacon", BEACON, "secret", SECRET)).statusCode());

        // the first selected member declines; the engine's rule picks the reserve
        List<String> selected = jsonArray(json, "selected");
        List<String> reserves = jsonArray(json, "reserves");
        String freed = selected.get(0);
        Map<String, Applicant> byCode = new HashMap<>();
        Pool.parse(poolFile).applicants().forEach(a -> byCode.put(a.code(), a));
        DrawResult published = new DrawResult("v", "p", "q", "s", QuotaTable.parse(quotaCsv),
                selected.stream().map(byCode::get).toList(), reserves.stream().map(byCode::get).toList(), "x", "x", List.of());
        Set<String> seated = new HashSet<>(selected);
        seated.remove(freed);
        Optional<Replacement.Choice> expected = Replacement.pick(published, seated, freed, Set.of());
        assertTrue(expected.isPresent());

        String email = string("SELECT a.email FROM assembly_membership m JOIN account a ON a.id = m.account_id WHERE m.cycle_id = "
                + cycle + " AND m.code = '" + freed + "'");
        String membershipId = string("SELECT id FROM assembly_membership WHERE cycle_id = " + cycle + " AND code = '" + freed + "'");
        Browser member = signedIn(email);
        assertTrue(member.get("/assembly/me").body().contains(freed));
        assertEquals(303, member.post("/assembly/memberships/" + membershipId + "/decline", Map.of()).statusCode());
        assertEquals("DECLINED", string("SELECT status FROM assembly_membership WHERE id = " + membershipId));
        String replacement = string("SELECT r.code FROM assembly_membership m JOIN assembly_membership r ON r.id = m.replaced_by_id WHERE m.id = " + membershipId);
        assertEquals(expected.get().reserve().code(), replacement);
        assertEquals("SELECTED", string("SELECT status FROM assembly_membership WHERE cycle_id = " + cycle + " AND code = '" + replacement + "'"));

        // another member accepts: APPOINTED, and a PANEL_MEMBER grant scoped to the cycle
        String second = selected.get(1);
        String secondId = string("SELECT id FROM assembly_membership WHERE cycle_id = " + cycle + " AND code = '" + second + "'");
        Browser m2 = signedIn(string("SELECT a.email FROM assembly_membership m JOIN account a ON a.id = m.account_id WHERE m.id = " + secondId));
        m2.get("/assembly/me");
        assertEquals(303, m2.post("/assembly/memberships/" + secondId + "/accept", Map.of()).statusCode());
        assertEquals(303, m2.post("/assembly/memberships/" + secondId + "/pre-learning", Map.of()).statusCode());
        assertEquals("ACTIVE", string("SELECT status FROM assembly_membership WHERE id = " + secondId));
        assertEquals(1, count("SELECT COUNT(*) FROM role_grant g JOIN assembly_membership m ON m.account_id = g.account_id WHERE m.id = "
                + secondId + " AND g.role = 'PANEL_MEMBER' AND g.scope_type = 'CYCLE' AND g.scope_id = '" + cycle + "'"));
        // someone else's membership cannot be changed
        assertEquals(403, m2.post("/assembly/memberships/" + membershipId + "/accept", Map.of()).statusCode());

        // every transition is in the audit log
        for (String action : List.of("assembly.cycle.create", "assembly.commit", "assembly.freeze", "assembly.draw", "assembly.cycle.status")) {
            assertTrue(count("SELECT COUNT(*) FROM audit_event WHERE action = '" + action + "' AND subject_id = '" + cycle + "'") > 0, action);
        }
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.member.decline' AND subject_id = '" + membershipId + "'"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.member.replace' AND summary LIKE '%replaces=" + freed + "%'"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.member.accept' AND subject_id = '" + secondId + "'"));
        assertFalse(strings("SELECT summary FROM audit_event WHERE action = 'assembly.draw' AND subject_id = '" + cycle + "'").isEmpty());
        assertNotNull(string("SELECT seed_secret FROM assembly_cycle WHERE id = " + cycle));
    }

    static List<String> jsonArray(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\\[([^\\]]*)]").matcher(json);
        assertTrue(m.find(), key);
        List<String> out = new ArrayList<>();
        Matcher s = Pattern.compile("\"([^\"]+)\"").matcher(m.group(1));
        while (s.find()) {
            out.add(s.group(1));
        }
        return out;
    }
}
