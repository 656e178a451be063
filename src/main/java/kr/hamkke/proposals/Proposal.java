package kr.hamkke.proposals;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import kr.hamkke.proposals.rules.ProposalRules;
import kr.hamkke.proposals.rules.ProposalStatus;
import kr.hamkke.proposals.rules.RuleSet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** One proposal row, with the rule values it was bound to at publication. */
@Introspected
public record Proposal(long id, @Nullable String code, String title, String body, String category, @Nullable String guCode,
                       long authorId, ProposalStatus status, @Nullable RuleSet rules, @Nullable Instant publishedAt,
                       @Nullable Instant supportDeadline, int supportCount, @Nullable Instant reviewTriggeredAt,
                       @Nullable Instant reviewDueAt, @Nullable String assignedOrgUnit, boolean pbCandidate,
                       boolean agendaPick, @Nullable Long mergedInto, @Nullable String publicReasonCode,
                       @Nullable String publicReason, @Nullable Instant closedAt, Instant createdAt, boolean forumOpened) {

    static final String COLUMNS = """
            p.id, p.code, p.title, p.body, p.category, p.gu_code, p.author_id, p.status, p.support_window_days,
            p.review_threshold, p.review_sla_days, p.forum_threshold, p.forum_days, p.mayor_threshold, p.mayor_sla_days,
            p.published_at, p.support_deadline, p.support_count, p.review_triggered_at, p.review_due_at,
            p.assigned_org_unit, p.pb_candidate, p.agenda_pick, p.merged_into, p.public_reason_code, p.public_reason,
            p.closed_at, p.created_at, EXISTS (SELECT 1 FROM forum f WHERE f.proposal_id = p.id) AS forum_opened""";

    static Proposal map(ResultSet rs) throws SQLException {
        int window = rs.getInt("support_window_days");
        RuleSet rules = rs.wasNull() ? null : new RuleSet(window, rs.getInt("review_threshold"), rs.getInt("review_sla_days"),
                rs.getInt("forum_threshold"), rs.getInt("forum_days"), rs.getInt("mayor_threshold"), rs.getInt("mayor_sla_days"));
        long merged = rs.getLong("merged_into");
        Long mergedInto = rs.wasNull() ? null : merged;
        return new Proposal(rs.getLong("id"), rs.getString("code"), rs.getString("title"), rs.getString("body"),
                rs.getString("category"), rs.getString("gu_code"), rs.getLong("author_id"),
                ProposalStatus.valueOf(rs.getString("status")), rules, Db.instant(rs, "published_at"),
                Db.instant(rs, "support_deadline"), rs.getInt("support_count"), Db.instant(rs, "review_triggered_at"),
                Db.instant(rs, "review_due_at"), rs.getString("assigned_org_unit"), rs.getBoolean("pb_candidate"),
                rs.getBoolean("agenda_pick"), mergedInto, rs.getString("public_reason_code"), rs.getString("public_reason"),
                Db.instant(rs, "closed_at"), Db.instant(rs, "created_at"), rs.getBoolean("forum_opened"));
    }

    ProposalRules.Facts facts() {
        return new ProposalRules.Facts(status, authorId, supportCount, publishedAt, supportDeadline, reviewTriggeredAt, forumOpened);
    }

    Proposal withSupportCount(int count) {
        return new Proposal(id, code, title, body, category, guCode, authorId, status, rules, publishedAt, supportDeadline,
                count, reviewTriggeredAt, reviewDueAt, assignedOrgUnit, pbCandidate, agendaPick, mergedInto,
                publicReasonCode, publicReason, closedAt, createdAt, forumOpened);
    }
}
