package kr.hamkke.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import kr.hamkke.identity.Role;
import kr.hamkke.identity.RoleService;
import kr.hamkke.shared.Actor;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import kr.hamkke.testing.TestDatabase;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the attack tests share: one verified account holding every staff role (so a probe reaches the
 * route's own code instead of being stopped by security), the router's routes, and a one-query
 * fingerprint of every table's row count to prove that a refused request wrote nothing.
 */
final class SecurityFixtures {

    /** Text that must never appear in a response: the database's own error messages. */
    static final Pattern SQL_ERROR = Pattern.compile(
            "SQLSyntaxError|SQLException|You have an error in your SQL syntax|MariaDB server version|MySQL server version"
                    + "|java\\.sql\\.|jdbc:|Unknown column|near '|at kr\\.hamkke|Exception:", Pattern.CASE_INSENSITIVE);

    private SecurityFixtures() {
    }

    /** A verified citizen who also holds every grantable role (department and district scopes as in the demo). */
    static TestAccounts.TestAccount everyRole(ApplicationContext ctx) {
        TestAccounts.TestAccount a = TestAccounts.verified(ctx);
        RoleService roles = ctx.getBean(RoleService.class);
        for (Role role : Role.values()) {
            if (role.grantable()) {
                String scopeType = role == Role.DEPT_REVIEWER ? "ORG_UNIT" : role == Role.DISTRICT_OFFICER ? "GU" : "GLOBAL";
                String scopeId = role == Role.DEPT_REVIEWER ? "RECYCLE" : role == Role.DISTRICT_OFFICER ? "11440" : "";
                roles.grant(Actor.SYSTEM, a.id(), role, scopeType, scopeId);
            }
        }
        return a;
    }

    static String token(EmbeddedServer server, TestAccounts.TestAccount account) {
        HttpResponse<String> login = new Browser(server.getURI()).json("POST", "/login",
                "{\"username\":\"" + account.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}", null);
        assertEquals(200, login.statusCode(), login.body());
        return login.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    static Browser signedIn(EmbeddedServer server, TestAccounts.TestAccount account) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(account.email(), TestAccounts.PASSWORD).statusCode());
        return b;
    }

    static List<UriRouteInfo<?, ?>> routes(Router router, String method) {
        List<UriRouteInfo<?, ?>> out = new ArrayList<>();
        router.uriRoutes().filter(r -> r.getHttpMethodName().equals(method)).forEach(out::add);
        out.sort(java.util.Comparator.comparing(r -> r.getUriMatchTemplate().toPathString()));
        return out;
    }

    static String path(UriRouteInfo<?, ?> route) {
        return route.getUriMatchTemplate().toPathString();
    }

    static boolean consumes(UriRouteInfo<?, ?> route, MediaType type) {
        return route.getConsumes().stream().anyMatch(t -> t.getName().equals(type.getName()));
    }

    /** Names of the route method's {@code @QueryValue} parameters. */
    static List<String> queryParameters(UriRouteInfo<?, ?> route) {
        List<String> names = new ArrayList<>();
        for (var argument : route.getTargetMethod().getArguments()) {
            if (argument.getAnnotationMetadata().hasAnnotation(io.micronaut.http.annotation.QueryValue.class)) {
                names.add(argument.getAnnotationMetadata()
                        .stringValue(io.micronaut.http.annotation.QueryValue.class).filter(s -> !s.isBlank())
                        .orElse(argument.getName()));
            }
        }
        // Query names written in the URI template ({?fiscalYear,bureau}) count too.
        var m = Pattern.compile("\\{\\?([^}]+)}").matcher(route.getUriMatchTemplate().toString());
        while (m.find()) {
            for (String n : m.group(1).split(",")) {
                if (!names.contains(n.strip())) names.add(n.strip());
            }
        }
        return names;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Row counts of every table of the schema (except Flyway's and the sign-in attempt log), in one round trip. */
    static String rowCounts() {
        try (Connection c = TestDatabase.connect()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String t = rs.getString("TABLE_NAME");
                    // Failed sign-ins are recorded on purpose (throttling), so login_attempt may grow on a refusal.
                    if (!t.startsWith("flyway") && !t.equals("login_attempt")) tables.add(t);
                }
            }
            tables.sort(null);
            StringBuilder sql = new StringBuilder("SELECT CONCAT_WS(','");
            for (String t : tables) {
                sql.append(", CONCAT('").append(t).append("=', (SELECT COUNT(*) FROM `").append(t).append("`))");
            }
            sql.append(")");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tables whose counts differ between two {@link #rowCounts()} results. */
    static String changed(String before, String after) {
        List<String> a = List.of(before.split(",")), b = List.of(after.split(","));
        List<String> diff = new ArrayList<>();
        for (String x : b) {
            if (!a.contains(x)) diff.add(x);
        }
        return diff.isEmpty() && !before.equals(after) ? "(tables added or removed)" : String.join(", ", diff);
    }

    static long exec(String sql, Object... args) {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A proposal written by {@code author} through the API, submitted, and published by {@code moderator} through the staff form. */
    static long publishedProposal(EmbeddedServer server, TestAccounts.TestAccount author, Browser moderator, String title, String body) {
        HttpResponse<String> created = new Browser(server.getURI()).json("POST", "/api/proposals",
                "{\"title\":" + json(title) + ",\"body\":" + json(body) + ",\"category\":\"TRANSPORT\",\"guCode\":\"11440\",\"submit\":true}",
                token(server, author));
        assertEquals(201, created.statusCode(), created.body());
        long id = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        moderator.get("/staff/proposals/screening");
        HttpResponse<String> published = moderator.post("/staff/proposals/" + id + "/publish", java.util.Map.of());
        assertEquals(303, published.statusCode(), published.body());
        return id;
    }

    /** A JSON string literal. */
    static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
