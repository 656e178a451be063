package kr.hamkke.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import kr.hamkke.shared.web.CsrfFilter;
import kr.hamkke.shared.web.LocalPaths;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cross-site request forgery on every form route of the router (a new form is covered without an
 * edit here), JSON routes reached with a browser's cookie, and open redirects through every
 * parameter that names where to go next.
 */
@MicronautTest(transactional = false)
class CsrfAndRedirectTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;
    @Inject
    Router router;

    @Test
    void everyFormPostWithoutOrWithAForgedTokenIs403AndChangesNothing() {
        TestAccounts.TestAccount staff = SecurityFixtures.everyRole(ctx);
        Browser b = SecurityFixtures.signedIn(server, staff);
        b.get("/");
        String cookieToken = b.cookie(CsrfFilter.COOKIE);
        String forged = cookieToken.substring(1) + (cookieToken.charAt(0) == 'a' ? 'b' : 'a');
        String before = SecurityFixtures.rowCounts();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (var route : SecurityFixtures.routes(router, "POST")) {
            boolean form = SecurityFixtures.consumes(route, MediaType.APPLICATION_FORM_URLENCODED_TYPE);
            boolean multipart = SecurityFixtures.consumes(route, MediaType.MULTIPART_FORM_DATA_TYPE);
            if (!form && !multipart) {
                continue;
            }
            String path = SecurityFixtures.path(route).replaceAll("\\{[^}]+}", "1");
            for (String token : new String[] {null, forged}) {
                HttpResponse<String> r = multipart ? multipart(b, path, token) : form(b, path, token);
                checked++;
                if (r.statusCode() != 403) {
                    wrong.add("POST " + path + " with csrf=" + token + " → " + r.statusCode());
                }
            }
        }
        assertTrue(checked > 100, "form routes found: " + checked / 2);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        String after = SecurityFixtures.rowCounts();
        assertEquals(before, after, "refused forms wrote rows: " + SecurityFixtures.changed(before, after));
    }

    private HttpResponse<String> form(Browser b, String path, String token) {
        String body = "title=x&body=y&reason=z" + (token == null ? "" : "&_csrf=" + token);
        return b.send(HttpRequest.newBuilder(server.getURI().resolve(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> multipart(Browser b, String path, String token) {
        String body = "--xx\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nx\r\n--xx--\r\n";
        URI uri = server.getURI().resolve(path + (token == null ? "" : "?_csrf=" + token));
        return b.send(HttpRequest.newBuilder(uri).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=xx").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A cross-site page can post text/plain or a form to a JSON route with the victim's cookie; neither may act. */
    @Test
    void jsonRoutesCannotBeForgedWithFormsOrPlainText() {
        TestAccounts.TestAccount citizen = TestAccounts.verified(ctx);
        Browser b = SecurityFixtures.signedIn(server, citizen);
        String before = SecurityFixtures.rowCounts();
        String json = "{\"title\":\"forged\",\"body\":\"forged body text\",\"category\":\"TRANSPORT\"}";
        HttpResponse<String> plain = b.send(HttpRequest.newBuilder(server.getURI().resolve("/api/proposals"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertTrue(plain.statusCode() >= 400 && plain.statusCode() < 500, "text/plain → " + plain.statusCode());
        HttpResponse<String> form = b.send(HttpRequest.newBuilder(server.getURI().resolve("/api/proposals"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("title=forged&body=forged+body+text&category=TRANSPORT")).build());
        assertEquals(403, form.statusCode(), form.body());
        assertEquals(before, SecurityFixtures.rowCounts());
    }

    static final List<String> FOREIGN = List.of("https://evil.example/", "//evil.example/", "/\\evil.example", "\\\\evil.example",
            "http:evil.example", "javascript:alert(1)", "/%0d%0aSet-Cookie:x=1", "%2F%2Fevil.example", " //evil.example",
            "https:/\\evil.example", "/\t/evil.example");

    @Test
    void localPathsRefusesEveryForeignTarget() {
        for (String target : FOREIGN) {
            String safe = LocalPaths.safe(target);
            // "/%0d%0a…" stays: encoded, it is a (missing) page on this site, not a header break.
            assertTrue(safe.equals("/") || safe.startsWith("/%0d"), target + " → " + safe);
        }
        assertEquals("/proposals?page=2", LocalPaths.safe("/proposals?page=2"));
    }

    /** Signing in hashes a password (slow on purpose), so the form is tried with the trickiest few. */
    @Test
    void signInNeverRedirectsOffSite() {
        TestAccounts.TestAccount citizen = TestAccounts.citizen(ctx);
        for (String next : List.of("//evil.example/", "/\t/evil.example")) {
            Browser b = new Browser(server.getURI());
            HttpResponse<String> page = b.get("/signin?next=" + SecurityFixtures.enc(next));
            assertEquals(200, page.statusCode());
            HttpResponse<String> r = b.post("/signin", Map.of("email", citizen.email(), "password", TestAccounts.PASSWORD, "next", next));
            assertEquals(303, r.statusCode(), next);
            assertLocal(r, next);
        }
        Browser b = new Browser(server.getURI());
        b.get("/signin");
        assertEquals("/proposals?page=2", b.post("/signin", Map.of("email", citizen.email(), "password", TestAccounts.PASSWORD,
                "next", "/proposals?page=2")).headers().firstValue("Location").orElse(""), "control: a local path is kept");
    }

    @Test
    void languageSwitchNeverRedirectsOffSite() {
        for (String back : FOREIGN) {
            Browser b = new Browser(server.getURI());
            b.get("/");
            HttpResponse<String> r = b.post("/language", Map.of("lang", "en", "back", back));
            assertEquals(303, r.statusCode(), back);
            assertLocal(r, back);
        }
    }

    /** Any route parameter named like a redirect target is covered: a new one without a check shows up here. */
    @Test
    void noRouteTakesAnUncheckedRedirectParameter() {
        List<String> found = new ArrayList<>();
        for (String method : List.of("GET", "POST")) {
            for (var route : SecurityFixtures.routes(router, method)) {
                for (String name : SecurityFixtures.queryParameters(route)) {
                    if (name.matches("(?i)next|returnTo|return|redirect.*|back|url|continue|target")) {
                        found.add(method + " " + SecurityFixtures.path(route) + "?" + name);
                    }
                }
            }
        }
        assertEquals(List.of("GET /signin?next"), found.stream().distinct().toList(), "checked above; a new one needs a probe in this class");
    }

    private static void assertLocal(HttpResponse<String> r, String attempted) {
        String location = r.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\")
                && !location.contains("\r") && !location.contains("\n") && !location.contains("\t"),
                attempted + " → Location " + location);
        assertFalse(location.contains("evil.example") && !location.equals("/"), attempted + " → " + location);
    }
}
