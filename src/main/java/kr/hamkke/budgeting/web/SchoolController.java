package kr.hamkke.budgeting.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.HashMap;
import java.util.Map;
import kr.hamkke.budgeting.service.BudgetSchool;
import kr.hamkke.budgeting.service.CycleService;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.FormErrors;
import kr.hamkke.shared.web.Pages;

/** 예산학교 completions of a cycle: staff see who completed and record a completion (the committee precondition). */
@Controller("/budgeting/staff/cycles/{id}/school")
@ExecuteOn(TaskExecutors.BLOCKING)
class SchoolController {

    private final CycleService cycles;
    private final BudgetSchool school;
    private final Pages pages;

    SchoolController(CycleService cycles, BudgetSchool school, Pages pages) {
        this.cycles = cycles;
        this.school = school;
        this.pages = pages;
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Get
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<String> list(HttpRequest<?> request, @PathVariable long id) {
        Map<String, String> form = new HashMap<>();
        form.put("completedOn", cycles.today().toString());
        return pages.ok(request, "budgeting/school", model(id, form));
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> record(HttpRequest<?> request, Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        try {
            school.record(CurrentUser.from(auth).as(Role.Names.BUDGET_STAFF), id, form.get("email"), form.get("completedOn"),
                    form.get("courseNote"));
            return Flash.redirect("/budgeting/staff/cycles/" + id + "/school", "budgeting.notice.school-recorded");
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID) {
                throw e;
            }
            // Bad input: 422 with the form and an error summary naming the field; nothing was written.
            String field = switch (e.code()) {
                case "budgeting.school.date" -> "completedOn";
                case "budgeting.school.note" -> "courseNote";
                default -> "email";
            };
            Map<String, Object> model = model(id, form);
            model.put("errors", new FormErrors().add(field, "error." + e.code()));
            return pages.invalid(request, "budgeting/school", model);
        }
    }

    private Map<String, Object> model(long cycleId, Map<String, String> form) {
        Map<String, Object> model = new HashMap<>();
        Map<String, String> values = new HashMap<>(form);
        values.putIfAbsent("email", "");
        values.putIfAbsent("completedOn", "");
        values.putIfAbsent("courseNote", "");
        model.put("form", values);
        model.put("cycle", cycles.cycle(cycleId));
        model.put("completions", school.of(cycleId));
        model.put("errors", new FormErrors());
        return model;
    }
}
