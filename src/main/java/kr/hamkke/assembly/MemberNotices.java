package kr.hamkke.assembly;

import jakarta.inject.Singleton;
import kr.hamkke.identity.Notifications;

import java.util.List;

/** Tells a cycle's seated members (in-app + mail outbox) that a survey or the 시민총회 opened. */
@Singleton
class MemberNotices {

    private final Sql sql;
    private final Notifications notifications;

    MemberNotices(Sql sql, Notifications notifications) {
        this.sql = sql;
        this.notifications = notifications;
    }

    /** Inside the caller's transaction: a rolled-back survey or advance notifies nobody. */
    void toSeated(long cycleId, boolean activeOnly, String message, String link) {
        List<Long> accounts = sql.list("SELECT account_id FROM assembly_membership WHERE cycle_id = ? AND status IN "
                        + (activeOnly ? "('ACTIVE')" : "('APPOINTED','ACTIVE')") + " ORDER BY id",
                rs -> rs.getLong(1), cycleId);
        for (long account : accounts) {
            notifications.notify(account, message, link);
        }
    }
}
