package kr.hamkke.proposals;

import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;
import kr.hamkke.identity.Notifications;

import java.util.Locale;

/**
 * Tells a person about a change to something they made, in Korean, through the shared
 * {@link Notifications} (in-app notification + mail outbox, in the caller's transaction).
 */
@Singleton
class Notifier {

    private final Notifications notifications;
    private final MessageSource messages;

    Notifier(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    void tell(long accountId, String messageKey, String link, Object... args) {
        String text = messages.getMessage(messageKey, Locale.KOREAN, args).orElse(messageKey);
        notifications.notify(accountId, text, link);
    }
}
