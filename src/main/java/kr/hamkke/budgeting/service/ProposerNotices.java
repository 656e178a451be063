package kr.hamkke.budgeting.service;

import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;
import java.util.Locale;
import kr.hamkke.budgeting.service.Models.Project;
import kr.hamkke.identity.Notifications;
import kr.hamkke.shared.Actor;

/**
 * Tells a proposer, in Korean, that their project changed status (through the shared
 * {@link Notifications}: in-app + mail outbox, in the caller's transaction, so a refused change tells
 * nobody). People are not told about their own actions (a withdrawal) and system projects have no one.
 */
@Singleton
class ProposerNotices {

    private final Notifications notifications;
    private final MessageSource messages;

    ProposerNotices(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    void statusChanged(Actor actor, Project p, String toStatus, String publicText) {
        if (p.proposerId() == null || p.proposerId().equals(actor.accountId())) {
            return;
        }
        String status = text("budgeting.status." + toStatus);
        // The space is added here: properties files drop leading spaces of values.
        String reason = publicText == null || publicText.isBlank() ? "" : " " + text("budgeting.notify.reason", publicText.strip());
        notifications.notify(p.proposerId(), text("budgeting.notify.status", p.title(), status, reason), link(p.id()));
    }

    void mergedInto(Actor actor, Project survivor, Project merged) {
        if (survivor.proposerId() == null || survivor.proposerId().equals(actor.accountId())) {
            return;
        }
        notifications.notify(survivor.proposerId(), text("budgeting.notify.merged-in", survivor.title(), merged.title()), link(survivor.id()));
    }

    private static String link(long projectId) {
        return "/budgeting/projects/" + projectId;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, Locale.KOREAN, args).orElse(key);
    }
}
