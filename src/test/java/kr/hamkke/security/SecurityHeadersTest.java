package kr.hamkke.security;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Security headers on pages, API answers, errors and assets; HSTS exactly when the request came over HTTPS. */
@MicronautTest(transactional = false)
class SecurityHeadersTest {

    @Inject
    EmbeddedServer server;

    private HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.getURI().resolve(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return new Browser(server.getURI()).send(b.build());
    }

    @Test
    void everyKindOfResponseCarriesTheHeaders() {
        for (String path : List.of("/", "/proposals", "/api/proposals", "/no/such/page", "/api/proposals/999999999",
                "/assets/js/app.js", "/account", "/health")) {
            var h = get(path).headers();
            String csp = h.firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"),
                    path + ": " + csp);
            assertEquals("nosniff", h.firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("same-origin", h.firstValue("Referrer-Policy").orElse(""), path);
            assertFalse(h.firstValue("Strict-Transport-Security").isPresent(), path + ": no HSTS over plain HTTP");
        }
    }

    @Test
    void hstsWhenTheProxySaysHttps() {
        for (String[] proxy : new String[][] {{"X-Forwarded-Proto", "https"}, {"X-Forwarded-Proto", "HTTPS, http"},
                {"Forwarded", "for=192.0.2.60;proto=https;by=203.0.113.43"}}) {
            for (String path : List.of("/", "/api/proposals", "/no/such/page")) {
                String hsts = get(path, proxy).headers().firstValue("Strict-Transport-Security").orElse("");
                assertTrue(hsts.startsWith("max-age=31536000"), proxy[1] + " " + path + ": " + hsts);
            }
        }
        assertFalse(get("/", "X-Forwarded-Proto", "http").headers().firstValue("Strict-Transport-Security").isPresent());
    }
}
