package kr.hamkke.shared.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import kr.hamkke.identity.Role;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route × every role. The table in src/test/resources/security/routes.txt says who may use
 * each route; a route missing from the table fails the build, and every persona is tried on every
 * route over real HTTP: allowed personas must get past security, everyone else must be refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteSecurityTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;
    @Inject
    Router router;

    /** persona name → bearer token (null = anonymous); persona roles. */
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, Set<String>> personaRoles = new LinkedHashMap<>();

    record Rule(String method, String path, String access) {
        boolean allows(Set<String> roles) {
            return switch (access) {
                case "anonymous" -> true;
                case "authenticated" -> !roles.isEmpty();
                default -> java.util.Arrays.stream(access.split(",")).anyMatch(roles::contains);
            };
        }
    }

    @BeforeAll
    void personas() {
        Browser b = new Browser(server.getURI());
        tokens.put("anonymous", null);
        personaRoles.put("anonymous", Set.of());
        var citizen = TestAccounts.citizen(ctx);
        addPersona(b, "citizen", citizen.email(), Set.of("CITIZEN"));
        var verified = TestAccounts.verified(ctx);
        addPersona(b, "verified", verified.email(), Set.of("CITIZEN", "VERIFIED"));
        for (Role role : Role.values()) {
            if (role.grantable()) {
                String scopeType = role == Role.DEPT_REVIEWER ? "ORG_UNIT" : role == Role.DISTRICT_OFFICER ? "GU" : "GLOBAL";
                String scopeId = role == Role.DEPT_REVIEWER ? "RECYCLE" : role == Role.DISTRICT_OFFICER ? "11440" : "";
                var account = TestAccounts.withRole(ctx, role, scopeType, scopeId);
                addPersona(b, role.name(), account.email(), Set.of("CITIZEN", "VERIFIED", role.name()));
            }
        }
    }

    private void addPersona(Browser b, String name, String email, Set<String> roles) {
        HttpResponse<String> login = b.json("POST", "/login",
                "{\"username\":\"" + email + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}", null);
        assertEquals(200, login.statusCode(), login.body());
        tokens.put(name, login.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1"));
        personaRoles.put(name, roles);
    }

    static List<Rule> table() throws Exception {
        List<Rule> rules = new ArrayList<>();
        try (var in = RouteSecurityTest.class.getResourceAsStream("/security/routes.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\s+");
                rules.add(new Rule(f[0], f[1], f[2]));
            }
        }
        return rules;
    }

    private Set<String> routes() {
        // HEAD mirrors GET and is not listed separately.
        return router.uriRoutes()
                .filter(r -> !r.getHttpMethodName().equals("HEAD"))
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyRouteHasAnEntryAndEveryEntryARoute() throws Exception {
        Set<String> declared = table().stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(routes());
        missing.removeAll(declared);
        assertTrue(missing.isEmpty(), "routes without an entry in security/routes.txt: " + missing);
        Set<String> stale = new TreeSet<>(declared);
        stale.removeAll(routes());
        assertTrue(stale.isEmpty(), "entries in security/routes.txt without a route: " + stale);
    }

    @Test
    void everyPersonaIsAllowedOrRefusedAsTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Rule rule : table()) {
            String path = rule.path().replaceAll("\\{[^}]+}", "999999999");
            for (var persona : tokens.entrySet()) {
                HttpResponse<String> response = send(rule, path, persona.getValue());
                int status = response.statusCode();
                boolean toSignIn = status == 303 && response.headers().firstValue("Location").orElse("").startsWith("/signin");
                boolean refused = status == 401 || status == 403 || toSignIn;
                boolean allowed = rule.allows(personaRoles.get(persona.getKey()));
                if (status >= 500) {
                    wrong.add(rule.method() + " " + rule.path() + " as " + persona.getKey() + " → " + status + " (server error)");
                } else if (allowed == refused) {
                    wrong.add(rule.method() + " " + rule.path() + " as " + persona.getKey() + " → " + status
                            + (allowed ? " (should be allowed)" : " (should be refused)"));
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private String consumes(Rule rule) {
        return router.uriRoutes()
                .filter(r -> r.getHttpMethodName().equals(rule.method()) && r.getUriMatchTemplate().toPathString().equals(rule.path()))
                .flatMap(r -> r.getConsumes().stream()).map(Object::toString).findFirst().orElse("application/json");
    }

    private static final String CSRF = "c".repeat(64);

    private HttpResponse<String> send(Rule rule, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (rule.method().equals("GET")) {
            b.GET();
        } else {
            // The body each route consumes, with a matching CSRF pair, so that what answers is
            // security (refused) or the route itself (allowed): never the content type or CSRF.
            String type = consumes(rule);
            b.header("Cookie", CsrfFilter.COOKIE + "=" + CSRF);
            if (type.startsWith("application/x-www-form-urlencoded")) {
                b.method(rule.method(), HttpRequest.BodyPublishers.ofString("_csrf=" + CSRF)).header("Content-Type", type);
            } else if (type.startsWith("multipart/form-data")) {
                b = b.uri(URI.create(server.getURI() + path + "?_csrf=" + CSRF));
                String body = "--xx\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nx\r\n--xx--\r\n";
                b.method(rule.method(), HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "multipart/form-data; boundary=xx");
            } else {
                b.method(rule.method(), HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json");
            }
        }
        return new Browser(server.getURI()).send(b.build());
    }
}
