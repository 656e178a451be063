package kr.hamkke.shared.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken request bodies are the client's mistake: 400 with a problem body, never a 500. */
@MicronautTest(transactional = false)
class MalformedInputTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    @Test
    void brokenJsonIsA400ProblemNotAServerError() {
        var citizen = TestAccounts.verified(ctx);
        Browser b = new Browser(server.getURI());
        String token = b.json("POST", "/login", "{\"username\":\"" + citizen.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}", null)
                .body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        var response = b.json("POST", "/api/proposals", "{\"title\": \"unterminated", token);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("\"code\":\"malformed\""), response.body());
    }

    @Test
    void unknownPagesAreAKorean404() {
        var response = new Browser(server.getURI()).get("/no/such/page");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("페이지를 찾을 수 없습니다"));
        assertTrue(!response.body().contains("Exception") && !response.body().contains("at kr.hamkke"));
    }
}
