package kr.hamkke.proposals;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A 공론장 row. */
@Introspected
public record Forum(long id, @Nullable Long proposalId, String title, String background, @Nullable String proBrief,
                   @Nullable String conBrief, Instant opensAt, Instant closesAt, String status, int mayorThreshold,
                   int mayorSlaDays, int participantCount, int proCount, int conCount, int neutralCount,
                   @Nullable Long openedBy, @Nullable Instant closedAt, @Nullable Instant mayorDueAt) {

    static Forum map(ResultSet rs) throws SQLException {
        long pid = rs.getLong("proposal_id");
        Long proposalId = rs.wasNull() ? null : pid;
        long ob = rs.getLong("opened_by");
        Long openedBy = rs.wasNull() ? null : ob;
        return new Forum(rs.getLong("id"), proposalId, rs.getString("title"), rs.getString("background"),
                rs.getString("pro_brief"), rs.getString("con_brief"), Db.instant(rs, "opens_at"), Db.instant(rs, "closes_at"),
                rs.getString("status"), rs.getInt("mayor_threshold"), rs.getInt("mayor_sla_days"), rs.getInt("participant_count"),
                rs.getInt("pro_count"), rs.getInt("con_count"), rs.getInt("neutral_count"), openedBy,
                Db.instant(rs, "closed_at"), Db.instant(rs, "mayor_due_at"));
    }
}
