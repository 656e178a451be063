package kr.hamkke.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.http.HttpRequest;
import kr.hamkke.shared.web.Pages;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The published chain head (anyone) and the verification page (admins and auditors). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

    private final AuditVerification verification;
    private final JdbcOperations jdbc;
    private final Pages pages;

    AuditController(AuditVerification verification, JdbcOperations jdbc, Pages pages) {
        this.pages = pages;
        this.verification = verification;
        this.jdbc = jdbc;
    }

    @Get("/api/audit/head")
    @Secured(SecurityRule.IS_ANONYMOUS)
    AuditVerification.Head head() {
        return verification.head();
    }

    @Get("/admin/audit")
    @Secured({"ADMIN", "AUDITOR"})
    @Produces(MediaType.TEXT_HTML)
    @Transactional(readOnly = true)
    HttpResponse<?> page(HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("result", verification.verifyAll());
        model.put("entries", recent());
        return pages.ok(request, "admin/audit", model);
    }

    private List<Map<String, Object>> recent() {
        return jdbc.prepareStatement("""
                SELECT id, occurred_at, actor_id, actor_role, action, subject_type, subject_id, summary, reason, hash
                FROM audit_event ORDER BY id DESC LIMIT 50""", ps -> {
            List<Map<String, Object>> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", rs.getLong(1));
                    row.put("occurredAt", rs.getTimestamp(2).toInstant());
                    row.put("actorId", rs.getObject(3));
                    row.put("actorRole", rs.getString(4));
                    row.put("action", rs.getString(5));
                    row.put("subject", rs.getString(6) + ":" + rs.getString(7));
                    row.put("summary", rs.getString(8));
                    row.put("reason", rs.getString(9));
                    row.put("hash", rs.getString(10).substring(0, 12));
                    list.add(row);
                }
            }
            return list;
        });
    }
}
