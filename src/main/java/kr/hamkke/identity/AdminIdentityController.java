package kr.hamkke.identity;

import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.http.HttpRequest;
import kr.hamkke.shared.web.Pages;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Admin pages: roles, census import, and (development only) the SMS outbox. */
@Controller("/admin")
@Secured(Role.Names.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminIdentityController {

    private final RoleService roles;
    private final CensusVerification census;
    private final ReferenceData reference;
    private final JdbcOperations jdbc;
    private final Environment environment;
    private final Pages pages;

    AdminIdentityController(RoleService roles, CensusVerification census, ReferenceData reference,
                            JdbcOperations jdbc, Environment environment, Pages pages) {
        this.pages = pages;
        this.roles = roles;
        this.census = census;
        this.reference = reference;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Get("/roles")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> rolesPage(HttpRequest<?> request, @Nullable @QueryValue String q) {
        Map<String, Object> model = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Account account : roles.search(q)) {
            rows.add(Map.of("account", account, "grants", roles.grantsOf(account.id())));
        }
        model.put("q", q == null ? "" : q);
        model.put("rows", rows);
        model.put("grantableRoles", EnumSet.allOf(Role.class).stream().filter(Role::grantable).toList());
        model.put("orgUnits", reference.orgUnits());
        model.put("districts", reference.districts());
        return pages.ok(request, "admin/roles", model);
    }

    @Post("/roles/grant")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> grant(Authentication auth, @Body Map<String, String> form) {
        CurrentUser admin = CurrentUser.from(auth);
        long accountId = parseId(form.get("accountId"));
        Role role = parseRole(form.get("role"));
        String scopeType = switch (String.valueOf(form.get("scopeType"))) {
            case "ORG_UNIT", "GU", "CYCLE", "PROCESS" -> form.get("scopeType");
            default -> "GLOBAL";
        };
        roles.grant(admin.as(Role.Names.ADMIN), accountId, role, scopeType, form.getOrDefault("scopeId", ""));
        return Flash.redirect("/admin/roles?q=" + java.net.URLEncoder.encode(form.getOrDefault("q", ""), StandardCharsets.UTF_8), "notice.role-granted");
    }

    @Post("/roles/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> revoke(Authentication auth, @Body Map<String, String> form) {
        roles.revoke(CurrentUser.from(auth).as(Role.Names.ADMIN), parseId(form.get("grantId")));
        return Flash.redirect("/admin/roles?q=" + java.net.URLEncoder.encode(form.getOrDefault("q", ""), StandardCharsets.UTF_8), "notice.role-revoked");
    }

    @Get("/census")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> censusPage(HttpRequest<?> request) {
        return pages.ok(request, "admin/census", Map.of("header", CensusVerification.HEADER));
    }

    @Post("/census")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> importCensus(HttpRequest<?> request, Authentication auth, @Part("file") CompletedFileUpload file) throws IOException {
        if (file.getSize() == 0 || file.getSize() > 5_000_000) {
            throw DomainException.invalid("census.file");
        }
        var result = census.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8), CurrentUser.from(auth).as(Role.Names.ADMIN));
        return pages.ok(request, "admin/census", Map.of("header", CensusVerification.HEADER, "result", result));
    }

    @Get("/sms-outbox")
    @Produces(MediaType.TEXT_HTML)
    @Transactional(readOnly = true)
    HttpResponse<?> smsOutbox(HttpRequest<?> request) {
        if (!environment.getActiveNames().contains("dev") && !environment.getActiveNames().contains("test")) {
            throw DomainException.notFound("not-found");
        }
        List<Map<String, Object>> messages = jdbc.prepareStatement(
                "SELECT phone, body, created_at FROM sms_outbox ORDER BY id DESC LIMIT 50", ps -> {
                    List<Map<String, Object>> list = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            list.add(Map.of("phone", rs.getString(1), "body", rs.getString(2),
                                    "createdAt", rs.getTimestamp(3).toInstant()));
                        }
                    }
                    return list;
                });
        return pages.ok(request, "admin/sms-outbox", Map.of("messages", messages));
    }

    private static long parseId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException | NullPointerException e) {
            throw DomainException.invalid("malformed");
        }
    }

    private static Role parseRole(String value) {
        try {
            return Role.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DomainException.invalid("role.unknown");
        }
    }
}
