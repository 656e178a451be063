package kr.hamkke.assembly;

import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.serde.annotation.Serdeable;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.Pages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Staff or the table's facilitator choose which members sit at a table. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class TableMembershipController {

    private final TableMembershipService tableMembers;
    private final DeliberationService deliberation;
    private final MembershipService members;
    private final CycleService cycles;
    private final Pages pages;

    TableMembershipController(TableMembershipService tableMembers, DeliberationService deliberation, MembershipService members,
                              CycleService cycles, Pages pages) {
        this.tableMembers = tableMembers;
        this.deliberation = deliberation;
        this.members = members;
        this.cycles = cycles;
        this.pages = pages;
    }

    @Serdeable
    record AssignForm(@Nullable List<Long> member) {
    }

    @Secured({Role.Names.ADMIN, Role.Names.FACILITATOR})
    @Get("/assembly/tables/{id}/members")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> page(HttpRequest<?> request, long id, Authentication authentication) {
        var table = tableMembers.requireAssigner(CurrentUser.from(authentication), id);
        var meeting = deliberation.meeting(table.meetingId());
        Map<String, Object> model = new HashMap<>();
        model.put("table", table);
        model.put("meeting", meeting);
        model.put("cycle", cycles.get(meeting.cycleId()));
        model.put("members", members.ofCycle(meeting.cycleId()).stream().filter(Membership::participating).toList());
        model.put("assigned", tableMembers.assigned(id));
        model.put("elsewhere", tableMembers.elsewhere(id));
        return pages.ok(request, "assembly/table-members", model);
    }

    @Secured({Role.Names.ADMIN, Role.Names.FACILITATOR})
    @Post("/assembly/tables/{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> assign(long id, Authentication authentication, @Body AssignForm form) {
        tableMembers.assign(CurrentUser.from(authentication), id, form.member());
        return Flash.redirect("/assembly/tables/" + id + "/members", "assembly.notice.table-members");
    }
}
