package kr.hamkke.assembly;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.Pages;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** 사전학습 materials (members), attendance (staff and facilitators) and positions (staff). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class MemberActivityController {

    private final MemberActivityService activity;
    private final MembershipService members;
    private final CycleService cycles;
    private final DeliberationService deliberation;
    private final Pages pages;

    MemberActivityController(MemberActivityService activity, MembershipService members, CycleService cycles,
                             DeliberationService deliberation, Pages pages) {
        this.activity = activity;
        this.members = members;
        this.cycles = cycles;
        this.deliberation = deliberation;
        this.pages = pages;
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/assembly/{id}/learning")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> learning(HttpRequest<?> request, long id, Authentication authentication) {
        Cycle c = cycles.get(id);
        Membership m = activity.requireLearner(id, CurrentUser.from(authentication).accountId());
        Map<String, Object> model = new HashMap<>();
        model.put("cycle", c);
        model.put("membership", m);
        model.put("materials", activity.materials(id));
        model.put("done", activity.doneBy(m.id()));
        return pages.ok(request, "assembly/learning", model);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/assembly/materials/{id}/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> done(long id, Authentication authentication) {
        long accountId = CurrentUser.from(authentication).accountId();
        boolean activated = activity.markDone(accountId, id);
        long cycleId = activity.materialCycle(id);
        return Flash.redirect("/assembly/" + cycleId + "/learning", activated ? "assembly.notice.pre-learning" : "assembly.notice.material-done");
    }

    @Secured({Role.Names.ADMIN, Role.Names.FACILITATOR})
    @Get("/assembly/meetings/{id}/attendance")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> attendancePage(HttpRequest<?> request, long id, Authentication authentication) {
        activity.requireAttendanceTaker(CurrentUser.from(authentication), id);
        var meeting = deliberation.meeting(id);
        Map<String, Object> model = new HashMap<>();
        model.put("meeting", meeting);
        model.put("cycle", cycles.get(meeting.cycleId()));
        model.put("members", members.ofCycle(meeting.cycleId()).stream().filter(Membership::participating).toList());
        model.put("marks", activity.attendance(id));
        model.put("statuses", MemberActivityService.Attendance.values());
        return pages.ok(request, "assembly/attendance", model);
    }

    @Secured({Role.Names.ADMIN, Role.Names.FACILITATOR})
    @Post("/assembly/meetings/{id}/attendance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> attendance(long id, Authentication authentication, @Body Map<String, String> form) {
        Map<Long, MemberActivityService.Attendance> marks = new LinkedHashMap<>();
        for (var e : form.entrySet()) {
            if (!e.getKey().startsWith("m-") || e.getValue() == null || e.getValue().isBlank()) {
                continue; // _csrf and "not recorded" choices
            }
            try {
                marks.put(Long.parseLong(e.getKey().substring(2)), MemberActivityService.Attendance.valueOf(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw DomainException.invalid("assembly.attendance-status");
            }
        }
        activity.recordAttendance(CurrentUser.from(authentication), id, marks);
        return Flash.redirect("/assembly/meetings/" + id + "/attendance", "assembly.notice.attendance");
    }

    @Secured(Role.Names.ADMIN)
    @Post("/staff/assembly/{id}/materials")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> addMaterial(long id, Authentication authentication, @Body Map<String, String> form) {
        cycles.get(id);
        activity.addMaterial(CurrentUser.from(authentication).as(Role.Names.ADMIN), id, form.get("title"), form.get("url"), form.get("body"));
        return Flash.redirect("/staff/assembly/" + id, "assembly.notice.saved");
    }

    @Secured(Role.Names.ADMIN)
    @Post("/staff/assembly/memberships/{id}/position")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> position(long id, Authentication authentication, @Body Map<String, String> form) {
        Membership.Position position;
        try {
            position = Membership.Position.valueOf(form.getOrDefault("position", ""));
        } catch (IllegalArgumentException e) {
            members.find(id).orElseThrow(() -> DomainException.notFound("assembly.membership"));
            throw DomainException.invalid("assembly.position");
        }
        Membership m = activity.assignPosition(CurrentUser.from(authentication).as(Role.Names.ADMIN), id, position);
        return Flash.redirect("/staff/assembly/" + m.cycleId(), "assembly.notice.position");
    }
}
