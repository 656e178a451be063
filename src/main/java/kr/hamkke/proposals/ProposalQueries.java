package kr.hamkke.proposals;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.proposals.rules.Deadlines;
import kr.hamkke.proposals.rules.ProposalStatus;
import kr.hamkke.proposals.rules.SearchText;
import kr.hamkke.shared.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Read models for the pages and the API. */
@Singleton
public class ProposalQueries {

    public static final int PAGE_SIZE = 20;

    private final Db db;
    private final Clock clock;
    private final ListTotals totals;

    ProposalQueries(Db db, Clock clock, ListTotals totals) {
        this.db = db;
        this.clock = clock;
        this.totals = totals;
    }

    public record Criteria(@Nullable String q, @Nullable String status, @Nullable String category, @Nullable String gu,
                           @Nullable String sort, int page) {
    }

    @Serdeable
    public record Summary(long id, String code, String title, String category, @Nullable String guCode, String status,
                          int supportCount, @Nullable Integer reviewThreshold, @Nullable Instant supportDeadline,
                          @Nullable Instant publishedAt, long overdueDays, String author) {
    }

    public record Page(List<Summary> items, long total, int page, int pages) {
    }

    @Transactional(readOnly = true)
    public Page search(Criteria c) {
        StringBuilder where = new StringBuilder(" WHERE p.status NOT IN ('DRAFT','SUBMITTED','HIDDEN')");
        List<Object> args = new ArrayList<>();
        boolean keyword = c.q() != null && !SearchText.normalize(c.q()).isEmpty();
        if (keyword) {
            // Candidates from the bigram index (SearchGrams, V13), then the LIKE decides: same results as before,
            // without reading every proposal. A one-character keyword has no bigram and uses the LIKE alone.
            List<String> grams = SearchGrams.queryGrams(SearchText.normalize(c.q()));
            if (!grams.isEmpty()) {
                where.append(SearchGrams.candidates(grams, args));
            }
            where.append(" AND p.search_text LIKE ? ESCAPE '\\\\'");
            args.add(SearchText.likePattern(c.q()));
        }
        if (c.status() != null && !c.status().isBlank()) {
            where.append(" AND p.status = ?");
            args.add(c.status());
        }
        if (c.category() != null && !c.category().isBlank()) {
            where.append(" AND p.category = ?");
            args.add(c.category());
        }
        if (c.gu() != null && !c.gu().isBlank()) {
            if ("CITY".equals(c.gu())) {
                where.append(" AND p.gu_code IS NULL");
            } else {
                where.append(" AND p.gu_code = ?");
                args.add(c.gu());
            }
        }
        Instant now = clock.instant();
        String order = switch (c.sort() == null ? "" : c.sort()) {
            case "supported" -> " ORDER BY p.support_count DESC, p.id DESC";
            case "closing" -> " ORDER BY (p.support_deadline >= ?) DESC, p.support_deadline ASC, p.id";
            default -> " ORDER BY p.published_at DESC, p.id DESC";
        };
        if (totals.claimRefresh()) {
            Thread.ofVirtual().start(totals::refresh);
        }
        // Large keyword-free totals come from the grouped snapshot (ListTotals); small ones and keywords count live.
        java.util.OptionalLong estimate = keyword ? java.util.OptionalLong.empty() : totals.estimate(c.status(), c.category(), c.gu());
        long total = estimate.isPresent() ? estimate.getAsLong() : db.number("SELECT COUNT(*) FROM proposal p" + where, args.toArray());
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, c.page()), pages);
        List<Object> pageArgs = new ArrayList<>(args);
        String columns = """
                SELECT p.id, p.code, p.title, p.category, p.gu_code, p.status, p.support_count, p.review_threshold,
                  p.support_deadline, p.published_at, p.review_due_at, a.nickname
                FROM proposal p JOIN account a ON a.id = p.author_id""";
        String sql;
        if ("closing".equals(c.sort())) {
            // Same order as (deadline >= now) DESC, deadline, id, but each part walks the deadline index and stops
            // after the rows this page needs instead of sorting every match (docs/perf/proposals.md).
            int need = page * PAGE_SIZE;
            String ids = "SELECT p.id, p.support_deadline, %d AS part FROM proposal p" + where + " AND %s ORDER BY p.support_deadline, p.id LIMIT " + need;
            sql = columns + " JOIN (" + "(" + ids.formatted(2, "p.support_deadline >= ?") + ") UNION ALL ("
                    + ids.formatted(1, "p.support_deadline < ?") + ") UNION ALL ("
                    + ids.formatted(0, "p.support_deadline IS NULL") + ")) k ON k.id = p.id"
                    + " ORDER BY k.part DESC, k.support_deadline, k.id LIMIT ? OFFSET ?";
            pageArgs = new ArrayList<>();
            pageArgs.addAll(args);
            pageArgs.add(now);
            pageArgs.addAll(args);
            pageArgs.add(now);
            pageArgs.addAll(args);
        } else {
            sql = columns + where + order + " LIMIT ? OFFSET ?";
        }
        pageArgs.add(PAGE_SIZE);
        pageArgs.add((page - 1) * PAGE_SIZE);
        List<Summary> items = db.list(sql, rs -> summary(rs, now), pageArgs.toArray());
        return new Page(items, total, page, pages);
    }

    private static Summary summary(java.sql.ResultSet rs, Instant now) throws java.sql.SQLException {
        int threshold = rs.getInt("review_threshold");
        Integer reviewThreshold = rs.wasNull() ? null : threshold;
        String status = rs.getString("status");
        long overdue = "UNDER_REVIEW".equals(status) ? Deadlines.overdueDays(Db.instant(rs, "review_due_at"), null, now) : 0;
        return new Summary(rs.getLong("id"), rs.getString("code"), rs.getString("title"), rs.getString("category"),
                rs.getString("gu_code"), status, rs.getInt("support_count"), reviewThreshold,
                Db.instant(rs, "support_deadline"), Db.instant(rs, "published_at"), overdue, rs.getString("nickname"));
    }

    @Serdeable
    public record Event(Instant occurredAt, String kind, @Nullable String fromStatus, @Nullable String toStatus,
                        String actorRole, @Nullable String reason) {
    }

    @Serdeable
    public record Answer(String orgUnit, String orgUnitName, @Nullable String outcome, @Nullable String body,
                         String status, Instant dueAt, @Nullable Instant publishedAt) {
    }

    /** Everything the proposal page shows. Drafts are visible to their author only. */
    public record Detail(Proposal proposal, String author, List<Event> timeline, @Nullable Answer answer,
                         @Nullable Forum forum, long overdueDays, boolean supportedByMe) {
    }

    @Transactional(readOnly = true)
    public Detail detail(long id, @Nullable Long viewerId, @Nullable String viewerIdentityHash) {
        Proposal p = db.one("SELECT " + Proposal.COLUMNS + " FROM proposal p WHERE p.id = ?", Proposal::map, id)
                .orElseThrow(() -> DomainException.notFound("proposal"));
        boolean author = viewerId != null && viewerId == p.authorId();
        if (!p.status().isPublic() && !author) {
            throw DomainException.notFound("proposal");
        }
        String nickname = db.one("SELECT nickname FROM account WHERE id = ?", rs -> rs.getString(1), p.authorId()).orElse("");
        List<Event> events = db.list("""
                SELECT occurred_at, kind, from_status, to_status, actor_role, reason FROM proposal_event
                WHERE proposal_id = ? ORDER BY occurred_at, id""", rs -> new Event(Db.instant(rs, "occurred_at"),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), id);
        Answer answer = db.one("""
                SELECT a.org_unit, o.name_ko, a.outcome, a.body, a.status, a.due_at, a.published_at
                FROM department_answer a JOIN org_unit o ON o.code = a.org_unit WHERE a.proposal_id = ?""",
                rs -> new Answer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Db.instant(rs, "due_at"), Db.instant(rs, "published_at")), id).orElse(null);
        Forum forum = db.one("SELECT * FROM forum WHERE proposal_id = ?", Forum::map, id).orElse(null);
        Instant now = clock.instant();
        long overdue = p.status() == ProposalStatus.UNDER_REVIEW ? Deadlines.overdueDays(p.reviewDueAt(), null, now) : 0;
        boolean mine = viewerIdentityHash != null && db.number(
                "SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ? AND identity_hash = ?", id, viewerIdentityHash) > 0;
        return new Detail(p, nickname, events, answer, forum, overdue, mine);
    }

    @Transactional(readOnly = true)
    public List<Summary> mine(long accountId) {
        Instant now = clock.instant();
        return db.list("""
                SELECT p.id, p.code, p.title, p.category, p.gu_code, p.status, p.support_count, p.review_threshold,
                  p.support_deadline, p.published_at, p.review_due_at, a.nickname
                FROM proposal p JOIN account a ON a.id = p.author_id WHERE p.author_id = ? ORDER BY p.id DESC""",
                rs -> summary(rs, now), accountId);
    }

    @Transactional(readOnly = true)
    public List<Summary> screeningQueue() {
        Instant now = clock.instant();
        return db.list("""
                SELECT p.id, p.code, p.title, p.category, p.gu_code, p.status, p.support_count, p.review_threshold,
                  p.support_deadline, p.published_at, p.review_due_at, a.nickname
                FROM proposal p JOIN account a ON a.id = p.author_id WHERE p.status = 'SUBMITTED' ORDER BY p.submitted_at""",
                rs -> summary(rs, now));
    }

    @Transactional(readOnly = true)
    public List<Summary> pickCandidates() {
        Instant now = clock.instant();
        return db.list("""
                SELECT p.id, p.code, p.title, p.category, p.gu_code, p.status, p.support_count, p.review_threshold,
                  p.support_deadline, p.published_at, p.review_due_at, a.nickname
                FROM proposal p JOIN account a ON a.id = p.author_id
                WHERE (p.status = 'PUBLISHED' OR (p.status = 'CLOSED' AND p.closed_at >= ?)) AND p.agenda_pick = FALSE
                ORDER BY p.support_count DESC, p.id DESC LIMIT 100""", rs -> summary(rs, now), now.minus(java.time.Duration.ofDays(90)));
    }

    @Transactional(readOnly = true)
    public List<Forum> forums(@Nullable String status) {
        return status == null || status.isBlank()
                ? db.list("SELECT * FROM forum ORDER BY (status = 'OPEN') DESC, closes_at DESC", Forum::map)
                : db.list("SELECT * FROM forum WHERE status = ? ORDER BY closes_at", Forum::map, status);
    }

    @Transactional(readOnly = true)
    public Optional<Forum> forum(long id) {
        return db.one("SELECT * FROM forum WHERE id = ?", Forum::map, id);
    }

    @Transactional(readOnly = true)
    public Optional<String> mayorAnswer(long forumId) {
        return db.one("SELECT body FROM mayor_answer WHERE forum_id = ?", rs -> rs.getString(1), forumId);
    }

    @Transactional(readOnly = true)
    public Optional<String> positionOf(long forumId, String identityHash) {
        return identityHash == null ? Optional.empty()
                : db.one("SELECT position FROM forum_position WHERE forum_id = ? AND identity_hash = ?", rs -> rs.getString(1), forumId, identityHash);
    }

    /** One open opportunity on 오늘의 공론장 (P12). */
    @Serdeable
    public record Opportunity(String kind, long id, String title, String href, Instant closesAt, int count,
                              @Nullable Integer target) {
    }

    /** Proposals within reach of a threshold, open forums and open questions; sorted by closing date. */
    @Transactional(readOnly = true)
    public List<Opportunity> openOpportunities(boolean latestFirst) {
        Instant now = clock.instant();
        List<Opportunity> all = new ArrayList<>();
        all.addAll(db.list("""
                SELECT id, title, support_deadline, support_count, review_threshold, forum_threshold, status FROM proposal
                WHERE status IN ('PUBLISHED','UNDER_REVIEW','ANSWERED') AND support_deadline >= ?
                  AND ((status = 'PUBLISHED' AND support_count * 2 >= review_threshold)
                    OR (status <> 'PUBLISHED' AND support_count < forum_threshold AND support_count * 2 >= forum_threshold))""",
                rs -> {
                    boolean published = "PUBLISHED".equals(rs.getString("status"));
                    return new Opportunity("PROPOSAL", rs.getLong("id"), rs.getString("title"), "/proposals/" + rs.getLong("id"),
                            Db.instant(rs, "support_deadline"), rs.getInt("support_count"),
                            published ? rs.getInt("review_threshold") : rs.getInt("forum_threshold"));
                }, now));
        all.addAll(db.list("SELECT id, title, closes_at, participant_count, mayor_threshold FROM forum WHERE status = 'OPEN' AND closes_at >= ?",
                rs -> new Opportunity("FORUM", rs.getLong(1), rs.getString(2), "/forums/" + rs.getLong(1),
                        Db.instant(rs, "closes_at"), rs.getInt(4), rs.getInt(5)), now));
        all.addAll(db.list("SELECT id, title, closes_at, participant_count FROM city_question WHERE opens_at <= ? AND closes_at >= ?",
                rs -> new Opportunity("QUESTION", rs.getLong(1), rs.getString(2), "/city-questions/" + rs.getLong(1),
                        Db.instant(rs, "closes_at"), rs.getInt(4), null), now, now));
        all.addAll(db.list("SELECT id, title, closes_at, participant_count FROM theme_vote WHERE status = 'OPEN' AND opens_at <= ? AND closes_at >= ?",
                rs -> new Opportunity("THEME", rs.getLong(1), rs.getString(2), "/themes/" + rs.getLong(1),
                        Db.instant(rs, "closes_at"), rs.getInt(4), null), now, now));
        Comparator<Opportunity> byClose = Comparator.comparing(Opportunity::closesAt);
        all.sort(latestFirst ? byClose.reversed() : byClose);
        return all;
    }
}
