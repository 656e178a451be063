package kr.hamkke.identity;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
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
import io.micronaut.views.View;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;

import java.util.Map;

/** A person's notifications: every change to what they proposed or follow. */
@Controller("/notifications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    @View("identity/notifications")
    Map<String, Object> list(Authentication auth) {
        return Map.of("notifications", notifications.latest(CurrentUser.from(auth).accountId()));
    }

    @Post("/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> markRead(Authentication auth) {
        notifications.markAllRead(CurrentUser.from(auth).accountId());
        return Flash.redirect("/notifications", "notice.notifications-read");
    }
}
