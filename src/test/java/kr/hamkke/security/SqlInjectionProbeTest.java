package kr.hamkke.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQL-injection probes in every path variable and every query parameter of every GET route the
 * router knows (so a new route is probed without an edit here), as a person holding every role so
 * that security does not stop the probe first: never a 5xx, never database error text, never a
 * delayed answer from an injected SLEEP, and the schema is intact afterwards.
 */
@MicronautTest(transactional = false)
class SqlInjectionProbeTest {

    /** Quote-breaking, stacked, union, time-based, escape and overflow probes; -Dhamkke.sqli.all=true adds the rest. */
    static final List<String> PROBES = Boolean.getBoolean("hamkke.sqli.all")
            ? List.of("' OR '1'='1", "1' OR '1'='1' -- ", "1; DROP TABLE account; --", "1 UNION SELECT email, password_hash FROM account -- ",
                    "\" OR \"\"=\"", "1' AND SLEEP(3) AND '1'='1", "%' AND 1=0 UNION SELECT NULL -- ", "\\", "'", "1e999", "-1",
                    "99999999999999999999999", "1/**/OR/**/1=1", "ＡＢ＇ＯＲ", "0x27")
            : List.of("' OR '1'='1' -- ", "1; DROP TABLE account; --", "1 UNION SELECT email, password_hash FROM account -- ",
                    "1\" AND SLEEP(3) AND \"1\"=\"1' AND SLEEP(3) AND '1'='1", "\\", "99999999999999999999999");
    /** Parameter names any page might read even if it does not declare them, plus the declared ones per route. */
    static final List<String> COMMON = List.of("q", "page", "sort", "status", "id");

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;
    @Inject
    Router router;

    @Test
    void everyGetRouteSurvivesInjectionProbes() {
        String bearer = SecurityFixtures.token(server, SecurityFixtures.everyRole(ctx));
        Browser b = new Browser(server.getURI());
        long accounts = TestDatabase.queryLong("SELECT COUNT(*) FROM account");
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (var route : SecurityFixtures.routes(router, "GET")) {
            String template = SecurityFixtures.path(route);
            if (template.startsWith("/swagger") || template.startsWith("/prometheus")) {
                continue;
            }
            Set<String> urls = new LinkedHashSet<>();
            for (String probe : PROBES) {
                String withIds = template.replaceAll("\\{[^}]+}", SecurityFixtures.enc(probe).replace("+", "%20"));
                if (!withIds.equals(template)) urls.add(withIds);
                String base = template.replaceAll("\\{[^}]+}", "1");
                List<String> names = new ArrayList<>(SecurityFixtures.queryParameters(route));
                COMMON.forEach(n -> { if (!names.contains(n)) names.add(n); });
                StringBuilder query = new StringBuilder();
                for (String n : names) {
                    query.append(query.isEmpty() ? "?" : "&").append(n).append('=').append(SecurityFixtures.enc(probe));
                }
                urls.add(base + query);
            }
            for (String url : urls) {
                sent++;
                long start = System.nanoTime();
                HttpResponse<String> r = send(b, url, bearer);
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (r.statusCode() >= 500) {
                    wrong.add("GET " + url + " → " + r.statusCode());
                } else if (SecurityFixtures.SQL_ERROR.matcher(r.body()).find()) {
                    wrong.add("GET " + url + " → database text in the body");
                } else if (millis > 2500) {
                    wrong.add("GET " + url + " took " + millis + " ms (injected SLEEP?)");
                }
            }
        }
        assertTrue(sent > 300, "probes sent: " + sent);
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + sent + ":\n" + String.join("\n", wrong));
        assertEquals(accounts, TestDatabase.queryLong("SELECT COUNT(*) FROM account"));
    }

    private HttpResponse<String> send(Browser b, String url, String bearer) {
        return b.send(HttpRequest.newBuilder(URI.create(server.getURI() + url)).timeout(Duration.ofSeconds(20))
                .header("Accept", url.startsWith("/api/") ? "application/json" : "text/html")
                .header("Authorization", "Bearer " + bearer).GET().build());
    }
}
