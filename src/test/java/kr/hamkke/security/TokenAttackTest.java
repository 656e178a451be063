package kr.hamkke.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bearer tokens on the JSON API (identity.TokenSecurityTest covers the web cookie): unsigned in every
 * spelling of "none", another key, expired, cut short, or with the
 * roles edited — all count as no sign-in (401) and change nothing.
 */
@MicronautTest(transactional = false)
class TokenAttackTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    private static String b64(String s) {
        return B64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String header, String payload, String secret, String algorithm) throws Exception {
        String input = b64(header) + "." + b64(payload);
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
        return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void forgedBearerTokensAreRefusedOnTheApi() throws Exception {
        TestAccounts.TestAccount staff = SecurityFixtures.everyRole(ctx);
        String secret = ctx.getProperty("JWT_SECRET", String.class).orElseThrow();
        long now = System.currentTimeMillis() / 1000;
        String claims = "{\"sub\":\"" + staff.id() + "\",\"roles\":[\"CITIZEN\",\"VERIFIED\",\"ADMIN\",\"BUDGET_STAFF\"],\"iat\":"
                + now + ",\"exp\":" + (now + 600) + "}";
        String hs256 = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        Map<String, String> forged = new LinkedHashMap<>();
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            forged.put("alg " + none, b64("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}") + "." + b64(claims) + ".");
            forged.put("alg " + none + " with a signature", b64("{\"alg\":\"" + none + "\"}") + "." + b64(claims) + "."
                    + sign(hs256, claims, secret, "HmacSHA256").split("\\.")[2]);
        }
        forged.put("wrong key", sign(hs256, claims, "another-secret-0123456789abcdef0123456789abcdef", "HmacSHA256"));
        forged.put("expired", sign(hs256, claims.replace("\"exp\":" + (now + 600), "\"exp\":" + (now - 60)), secret, "HmacSHA256"));
        String genuine = SecurityFixtures.token(server, TestAccounts.verified(ctx));
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        forged.put("roles edited", parts[0] + "." + b64(payload.replace("\"CITIZEN\"", "\"BUDGET_STAFF\",\"CITIZEN\"")) + "." + parts[2]);
        forged.put("signature cut", parts[0] + "." + parts[1] + ".");
        forged.put("two parts", parts[0] + "." + parts[1]);
        forged.put("garbage", "not.a.jwt");

        String before = SecurityFixtures.rowCounts();
        List<String> wrong = new ArrayList<>();
        Browser b = new Browser(server.getURI());
        for (var e : forged.entrySet()) {
            var create = b.json("POST", "/api/budget-lines", "{\"fiscalYear\":2026,\"programName\":\"위조\"}", e.getValue());
            var support = b.json("POST", "/api/proposals", "{\"title\":\"위조\",\"body\":\"위조 본문\",\"category\":\"TRANSPORT\"}", e.getValue());
            if (create.statusCode() != 401 || support.statusCode() != 401) {
                wrong.add(e.getKey() + " → " + create.statusCode() + "/" + support.statusCode());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(before, SecurityFixtures.rowCounts(), "forged tokens wrote rows");
        // Control: the same construction with the right key and algorithm is accepted.
        var ok = b.json("GET", "/api/budget-lines/imports/999999999", null, sign(hs256, claims, secret, "HmacSHA256"));
        assertEquals(404, ok.statusCode(), ok.body());
    }
}
