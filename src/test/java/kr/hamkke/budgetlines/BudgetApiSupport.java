package kr.hamkke.budgetlines;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import kr.hamkke.identity.Role;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import kr.hamkke.testing.TestDatabase;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shared helpers: accounts with roles, bearer tokens, JSON parsing, SQL counts. */
final class BudgetApiSupport {

    private BudgetApiSupport() {
    }

    record User(TestAccounts.TestAccount account, String token, Browser browser) {
    }

    static User user(ApplicationContext ctx, URI base, Role role) {
        TestAccounts.TestAccount a = role == null ? TestAccounts.verified(ctx) : TestAccounts.withRole(ctx, role);
        Browser b = new Browser(base);
        HttpResponse<String> login = b.json("POST", "/login",
                "{\"username\":\"" + a.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}", null);
        assertEquals(200, login.statusCode(), login.body());
        String token = login.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        assertEquals(303, b.signIn(a.email(), TestAccounts.PASSWORD).statusCode());
        return new User(a, token, b);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(ApplicationContext ctx, String json) {
        try {
            return (Map<String, Object>) ctx.getBean(JsonMapper.class).readValue(json, Argument.of(Object.class));
        } catch (IOException e) {
            throw new IllegalStateException(json, e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> arr(ApplicationContext ctx, String json) {
        try {
            return (List<Map<String, Object>>) ctx.getBean(JsonMapper.class).readValue(json, Argument.of(Object.class));
        } catch (IOException e) {
            throw new IllegalStateException(json, e);
        }
    }

    static long num(Object o) {
        return ((Number) o).longValue();
    }

    static long count(String sql) throws Exception {
        try (var c = TestDatabase.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static HttpResponse<byte[]> getBytes(Browser b, String path, String bearer) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(path)).GET();
        if (bearer != null) {
            r.header("Authorization", "Bearer " + bearer);
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> postBytes(URI base, String path, byte[] body, String contentType, String bearer) {
        HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            r.header("Authorization", "Bearer " + bearer);
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(r.build(),
                    HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
