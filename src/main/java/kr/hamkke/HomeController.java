package kr.hamkke;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import kr.hamkke.audit.AuditVerification;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Menu;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The home page, the staff hub and the transparency page. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class HomeController {

    private final List<Menu> menus;
    private final AuditVerification audit;

    HomeController(List<Menu> menus, AuditVerification audit) {
        this.menus = menus;
        this.audit = audit;
    }

    @Get("/")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    @View("home")
    Map<String, Object> home() {
        return Map.of();
    }

    @Get("/staff")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Produces(MediaType.TEXT_HTML)
    @View("staff")
    Map<String, Object> staff(Authentication authentication) {
        CurrentUser user = CurrentUser.from(authentication);
        List<Menu.Link> links = menus.stream().flatMap(m -> m.staffLinks(user).stream())
                .sorted(Comparator.comparingInt(Menu.Link::order)).toList();
        return Map.of("links", links);
    }

    @Get("/transparency")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    @View("transparency")
    Map<String, Object> transparency() {
        return Map.of("head", audit.head());
    }
}
