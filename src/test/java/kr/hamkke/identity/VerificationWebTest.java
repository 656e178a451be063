package kr.hamkke.identity;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import kr.hamkke.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class VerificationWebTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;
    @Inject
    CensusVerification census;
    @Inject
    VerificationService verifications;

    private static int count(String sql) throws Exception {
        try (var c = TestDatabase.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String censusPerson(String name, String birth, String gu) {
        String number = "9" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 8);
        var result = census.importCsv(CensusVerification.HEADER + "\n" + name + "," + birth + ",F," + gu + ",,RESIDENT," + number, Actor.SYSTEM);
        assertEquals(1, result.imported(), result.rowErrors().toString());
        return number;
    }

    @Test
    void censusVerificationThroughTheFormRecordsIdentityAndRelation() throws Exception {
        String number = censusPerson("김서울", "1990-01-02", "11440");
        var account = TestAccounts.citizen(ctx);
        Browser b = new Browser(server.getURI());
        b.signIn(account.email(), TestAccounts.PASSWORD);
        b.get("/verify");
        HttpResponse<String> wrong = b.post("/verify/census", Map.of("censusName", "김서울", "censusBirthDate", "1990-01-03", "identityNumber", number));
        assertEquals(422, wrong.statusCode());
        assertTrue(wrong.body().contains("명부에서 일치하는 사람을 찾지 못했습니다"));
        HttpResponse<String> ok = b.post("/verify/census", Map.of("censusName", "김 서울", "censusBirthDate", "1990-01-02", "identityNumber", number));
        assertEquals(303, ok.statusCode(), ok.body());
        String payload = new String(java.util.Base64.getUrlDecoder().decode(b.cookie("JWT").split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"VERIFIED\""), "the session is reissued with the new role: " + payload);
        VerifiedIdentity identity = verifications.find(account.id()).orElseThrow();
        assertEquals(LocalDate.of(1990, 1, 2), identity.birthDate());
        assertEquals("11440", identity.homeGu());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'identity.verify' AND subject_id = '" + account.id() + "'"));
        assertEquals(0, count("SELECT COUNT(*) FROM verification WHERE identity_hash LIKE '%" + number + "%'"), "the number itself is never stored");
    }

    @Test
    void theSameIdentityCannotVerifyASecondAccount() {
        String number = censusPerson("이중계", "1985-05-05", "11110");
        var first = TestAccounts.citizen(ctx);
        var second = TestAccounts.citizen(ctx);
        census.verify(first.id(), "이중계", LocalDate.of(1985, 5, 5), number);
        DomainException e = assertThrows(DomainException.class, () -> census.verify(second.id(), "이중계", LocalDate.of(1985, 5, 5), number));
        assertEquals("verification.identity-taken", e.code());
        assertTrue(verifications.find(second.id()).isEmpty());
    }

    @Test
    void concurrentAttemptsWithOneIdentityVerifyExactlyOneAccount() throws Exception {
        String number = censusPerson("동시인", "1977-07-07", "11680");
        int attempts = 16;
        List<Long> accounts = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            accounts.add(TestAccounts.citizen(ctx).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (long id : accounts) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    census.verify(id, "동시인", LocalDate.of(1977, 7, 7), number);
                    return true;
                } catch (DomainException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int successes = 0;
        for (Future<Boolean> f : results) {
            successes += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, successes);
        String in = accounts.stream().map(String::valueOf).reduce((a, c) -> a + "," + c).orElseThrow();
        assertEquals(1, count("SELECT COUNT(*) FROM verification WHERE account_id IN (" + in + ")"));
    }

    @Test
    void phoneCodeVerificationWithWrongCodeThenRightCode() throws Exception {
        var account = TestAccounts.citizen(ctx);
        Browser b = new Browser(server.getURI());
        b.signIn(account.email(), TestAccounts.PASSWORD);
        b.get("/verify");
        String phone = "010-" + (1000 + account.id() % 9000) + "-" + (1000 + (account.id() * 7) % 9000);
        HttpResponse<String> invalid = b.post("/verify/phone", Map.of("name", "", "birthDate", "2099-01-01",
                "gender", "X", "phone", "12345", "guCode", "99999", "relation", "RESIDENT"));
        assertEquals(422, invalid.statusCode());
        assertTrue(invalid.body().contains("href=\"#name\"") && invalid.body().contains("href=\"#phone\""));
        HttpResponse<String> sent = b.post("/verify/phone", Map.of("name", "박시민", "birthDate", "2001-02-03",
                "gender", "M", "phone", phone, "guCode", "11215", "relation", "STUDENT"));
        assertEquals(303, sent.statusCode(), sent.body());
        String code = lastCodeSentTo(phone.replace("-", ""));
        b.get("/verify/code");
        String wrongCode = code.equals("000000") ? "111111" : "000000";
        assertEquals(422, b.post("/verify/code", Map.of("code", wrongCode)).statusCode());
        assertTrue(verifications.find(account.id()).isEmpty());
        assertEquals(303, b.post("/verify/code", Map.of("code", code)).statusCode());
        VerifiedIdentity identity = verifications.find(account.id()).orElseThrow();
        assertEquals("11215", identity.homeGu());
        assertEquals("M", identity.gender());
    }

    @Test
    void unverifiedVisitorsCannotReachVerification() {
        Browser b = new Browser(server.getURI());
        HttpResponse<String> r = b.get("/verify");
        assertEquals(303, r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElseThrow().startsWith("/signin?next="));
    }

    private static String lastCodeSentTo(String phone) throws Exception {
        try (var c = TestDatabase.connect(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT body FROM sms_outbox WHERE phone = '" + phone + "' ORDER BY id DESC LIMIT 1")) {
            rs.next();
            Matcher m = Pattern.compile("(\\d{6})").matcher(rs.getString(1));
            assertTrue(m.find());
            return m.group(1);
        }
    }
}
