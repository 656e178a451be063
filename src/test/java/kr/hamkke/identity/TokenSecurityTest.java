package kr.hamkke.identity;

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
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tokens that were altered, signed with another key, unsigned or expired are worth nothing. */
@MicronautTest(transactional = false)
class TokenSecurityTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    private String tokenFor(TestAccounts.TestAccount account) {
        var r = new Browser(server.getURI()).json("POST", "/login",
                "{\"username\":\"" + account.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}", null);
        assertEquals(200, r.statusCode());
        return r.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    private int adminPageWith(String token) {
        Browser b = new Browser(server.getURI());
        b.setCookie("JWT", token);
        return b.get("/admin/audit").statusCode();
    }

    private static String sign(String header, String payload, String secret) throws Exception {
        String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aGenuineTokenWorksInTheCookie() {
        var admin = TestAccounts.withRole(ctx, Role.ADMIN);
        assertEquals(200, adminPageWith(tokenFor(admin)));
    }

    @Test
    void aCitizenCannotPromoteThemselvesByEditingTheToken() {
        var citizen = TestAccounts.verified(ctx);
        String[] parts = tokenFor(citizen).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"CITIZEN\"", "\"ADMIN\",\"CITIZEN\"");
        String forged = parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(303, adminPageWith(forged), "an invalid token counts as signed out");
    }

    @Test
    void wrongKeyUnsignedAndExpiredTokensAreRefused() throws Exception {
        var admin = TestAccounts.withRole(ctx, Role.ADMIN);
        long now = System.currentTimeMillis() / 1000;
        String claims = "{\"sub\":\"" + admin.id() + "\",\"roles\":[\"ADMIN\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
        assertEquals(303, adminPageWith(sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims, "another-secret-0123456789abcdef0123456789")));
        String unsigned = B64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
        assertEquals(303, adminPageWith(unsigned));
        String secret = ctx.getProperty("JWT_SECRET", String.class).orElseThrow();
        String expired = "{\"sub\":\"" + admin.id() + "\",\"roles\":[\"ADMIN\"],\"iat\":" + (now - 7200) + ",\"exp\":" + (now - 60) + "}";
        assertEquals(303, adminPageWith(sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", expired, secret)));
        String valid = "{\"sub\":\"" + admin.id() + "\",\"roles\":[\"ADMIN\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
        assertEquals(200, adminPageWith(sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", valid, secret)), "control: same construction, right key");
    }
}
