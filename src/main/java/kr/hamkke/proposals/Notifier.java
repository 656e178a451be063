package kr.hamkke.proposals;

import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Locale;

/**
 * Tells a person about a change to something they made: an in-app notification and a mail in the
 * outbox, written in the caller's transaction so a rolled-back change notifies nobody.
 */
@Singleton
class Notifier {

    private final Db db;
    private final Clock clock;
    private final MessageSource messages;

    Notifier(Db db, Clock clock, MessageSource messages) {
        this.db = db;
        this.clock = clock;
        this.messages = messages;
    }

    void tell(long accountId, String messageKey, String link, Object... args) {
        String text = messages.getMessage(messageKey, Locale.KOREAN, args).orElse(messageKey);
        if (text.length() > 480) {
            text = text.substring(0, 480) + "…";
        }
        db.update("INSERT INTO notification (account_id, message, link, created_at) VALUES (?,?,?,?)",
                accountId, text, link, clock.instant());
        String email = db.one("SELECT email FROM account WHERE id = ?", rs -> rs.getString(1), accountId).orElse(null);
        if (email != null) {
            db.update("INSERT INTO mail_outbox (recipient, subject, body, created_at) VALUES (?,?,?,?)",
                    email, "[함께서울] " + (text.length() > 150 ? text.substring(0, 150) : text),
                    text + "\n\n" + (link == null ? "" : link), clock.instant());
        }
    }
}
