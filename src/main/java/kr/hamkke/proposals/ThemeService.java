package kr.hamkke.proposals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.identity.VerificationService;
import kr.hamkke.identity.VerifiedIdentity;
import kr.hamkke.proposals.rules.Deadlines;
import kr.hamkke.proposals.rules.Percent;
import kr.hamkke.proposals.rules.RuleSet;
import kr.hamkke.proposals.rules.ThemeRules;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** 테마토론: staff post candidate topics, verified citizens vote once, the winner becomes a forum at close. */
@Singleton
public class ThemeService {

    private final Db db;
    private final AuditLog audit;
    private final VerificationService verifications;
    private final ProposalConfig config;
    private final Clock clock;

    ThemeService(Db db, AuditLog audit, VerificationService verifications, ProposalConfig config, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.verifications = verifications;
        this.config = config;
        this.clock = clock;
    }

    public record NewTopic(String title, String background) {
    }

    @Serdeable
    public record Theme(long id, String title, String description, Instant opensAt, Instant closesAt, String status,
                        int participantCount, @Nullable Long winnerTopicId, @Nullable Instant closedAt) {

        static Theme map(java.sql.ResultSet rs) throws java.sql.SQLException {
            long w = rs.getLong("winner_topic_id");
            Long winner = rs.wasNull() ? null : w;
            return new Theme(rs.getLong("id"), rs.getString("title"), rs.getString("description"), Db.instant(rs, "opens_at"),
                    Db.instant(rs, "closes_at"), rs.getString("status"), rs.getInt("participant_count"), winner,
                    Db.instant(rs, "closed_at"));
        }

        public boolean openAt(Instant now) {
            return "OPEN".equals(status) && !now.isBefore(opensAt) && !now.isAfter(closesAt);
        }
    }

    /** A candidate topic; votes and percent are only filled in once the vote has closed. */
    @Serdeable
    public record Topic(long id, int ordinal, String title, String background, @Nullable Integer votes, @Nullable String percent) {
    }

    @Transactional
    public long create(Actor staff, String title, String description, Instant opensAt, Instant closesAt, List<NewTopic> topics) {
        if (title == null || title.isBlank() || title.strip().length() > 100) {
            throw DomainException.invalid("themes.title");
        }
        if (description == null || description.isBlank() || description.length() > 10_000) {
            throw DomainException.invalid("themes.description");
        }
        if (opensAt == null || closesAt == null || !closesAt.isAfter(opensAt) || !closesAt.isAfter(clock.instant())) {
            throw DomainException.invalid("themes.window");
        }
        List<NewTopic> given = topics.stream().filter(t -> t.title() != null && !t.title().isBlank()).toList();
        if (!ThemeRules.topicCountAllowed(given.size()) || given.stream().anyMatch(t -> t.title().strip().length() > 100
                || t.background() == null || t.background().isBlank() || t.background().length() > 2000)) {
            throw DomainException.invalid("themes.topics");
        }
        long id = db.insert("""
                INSERT INTO theme_vote (title, description, opens_at, closes_at, status, created_by, created_at)
                VALUES (?,?,?,?,'OPEN',?,?)""", title.strip(), description.strip(), opensAt, closesAt, staff.accountId(), clock.instant());
        int ordinal = 1;
        for (NewTopic t : given) {
            db.insert("INSERT INTO theme_topic (theme_vote_id, ordinal, title, background) VALUES (?,?,?,?)",
                    id, ordinal++, t.title().strip(), t.background().strip());
        }
        audit.record(staff, "theme.create", "theme_vote", id, "topics=" + given.size() + " closes=" + closesAt);
        return id;
    }

    /** One vote per verified person, final. The theme row is locked, so counts stay exact under concurrency. */
    @Transactional
    public void vote(long accountId, long themeId, Long topicId) {
        VerifiedIdentity person = verifications.find(accountId)
                .orElseThrow(() -> DomainException.notAllowed("proposals.not-verified"));
        Theme t = lock(themeId);
        if (!t.openAt(clock.instant())) {
            throw DomainException.conflict("themes.closed");
        }
        if (topicId == null || db.number("SELECT COUNT(*) FROM theme_topic WHERE id = ? AND theme_vote_id = ?", topicId, themeId) == 0) {
            throw DomainException.invalid("themes.topic");
        }
        if (db.number("SELECT COUNT(*) FROM theme_ballot WHERE theme_vote_id = ? AND identity_hash = ?", themeId, person.identityHash()) > 0) {
            throw DomainException.conflict("themes.already-voted");
        }
        try {
            db.insert("INSERT INTO theme_ballot (theme_vote_id, topic_id, identity_hash, account_id, created_at) VALUES (?,?,?,?,?)",
                    themeId, topicId, person.identityHash(), accountId, clock.instant());
        } catch (Db.DuplicateRow e) {
            throw DomainException.conflict("themes.already-voted");
        }
        db.update("UPDATE theme_topic SET vote_count = vote_count + 1 WHERE id = ?", topicId);
        db.update("UPDATE theme_vote SET participant_count = participant_count + 1 WHERE id = ?", themeId);
        // The choice is not in the audit entry: only that this person took part.
        audit.record(Actor.citizen(accountId), "theme.vote", "theme_vote", themeId, "participants=" + (t.participantCount() + 1));
    }

    /**
     * Closes votes whose window ended; the winner opens a forum with the rule values in force now. Run by the
     * scheduler; safe to run twice at once (row lock, status check, UNIQUE(forum.theme_vote_id)).
     */
    @Transactional
    public int closeDue() {
        List<Long> due = db.list("SELECT id FROM theme_vote WHERE status = 'OPEN' AND closes_at < ?", rs -> rs.getLong(1), clock.instant());
        int closed = 0;
        for (long id : due) {
            Theme t = lock(id);
            if (!"OPEN".equals(t.status())) {
                continue;
            }
            List<ThemeRules.Tally> tallies = db.list("SELECT id, ordinal, vote_count FROM theme_topic WHERE theme_vote_id = ?",
                    rs -> new ThemeRules.Tally(rs.getLong(1), rs.getInt(2), rs.getInt(3)), id);
            Optional<ThemeRules.Tally> winner = ThemeRules.winner(tallies);
            Instant now = clock.instant();
            if (winner.isEmpty()) {
                db.update("UPDATE theme_vote SET status = 'NO_WINNER', closed_at = ? WHERE id = ?", now, id);
                audit.record(Actor.SYSTEM, "theme.close", "theme_vote", id, "no votes, no forum");
            } else {
                long forumId = openForum(t, winner.get(), now);
                db.update("UPDATE theme_vote SET status = 'DECIDED', winner_topic_id = ?, closed_at = ? WHERE id = ?",
                        winner.get().topicId(), now, id);
                audit.record(Actor.SYSTEM, "theme.close", "theme_vote", id, "winner=" + winner.get().topicId() + " votes="
                        + winner.get().votes() + " participants=" + t.participantCount() + " forum=" + forumId);
            }
            closed++;
        }
        return closed;
    }

    private long openForum(Theme t, ThemeRules.Tally winner, Instant now) {
        record Row(String title, String background) {
        }
        Row topic = db.one("SELECT title, background FROM theme_topic WHERE id = ?", rs -> new Row(rs.getString(1), rs.getString(2)),
                winner.topicId()).orElseThrow();
        RuleSet rules = config.ruleSet();
        long forumId;
        try {
            forumId = db.insert("""
                    INSERT INTO forum (theme_vote_id, title, background, opens_at, closes_at, status, mayor_threshold,
                      mayor_sla_days, opened_by, created_at) VALUES (?,?,?,?,?,'OPEN',?,?,NULL,?)""",
                    t.id(), topic.title(), topic.background(), now, Deadlines.endOfDayAfter(now, rules.forumDays()),
                    rules.mayorThreshold(), rules.mayorSlaDays(), now);
        } catch (Db.DuplicateRow e) {
            throw DomainException.conflict("forums.already-open");
        }
        audit.record(Actor.SYSTEM, "forum.open", "forum", forumId, "theme vote " + t.id() + " winner " + winner.topicId());
        return forumId;
    }

    @Transactional(readOnly = true)
    public List<Theme> all() {
        return db.list("SELECT * FROM theme_vote ORDER BY (status = 'OPEN') DESC, closes_at DESC, id DESC LIMIT 200", Theme::map);
    }

    @Transactional(readOnly = true)
    public Theme find(long id) {
        return db.one("SELECT * FROM theme_vote WHERE id = ?", Theme::map, id).orElseThrow(() -> DomainException.notFound("theme"));
    }

    /** Topics in their listed order; counts only after close (no bandwagon while the vote runs). */
    @Transactional(readOnly = true)
    public List<Topic> topics(Theme t) {
        boolean closed = !"OPEN".equals(t.status());
        int total = t.participantCount();
        List<Topic> out = new ArrayList<>();
        db.list("SELECT id, ordinal, title, background, vote_count FROM theme_topic WHERE theme_vote_id = ? ORDER BY ordinal",
                rs -> new Topic(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        closed ? rs.getInt(5) : null, closed ? Percent.of(rs.getInt(5), total).toPlainString() : null), t.id()).forEach(out::add);
        return out;
    }

    @Transactional(readOnly = true)
    public Optional<Long> forumOf(long themeId) {
        return db.one("SELECT id FROM forum WHERE theme_vote_id = ?", rs -> rs.getLong(1), themeId);
    }

    @Transactional(readOnly = true)
    public Optional<Long> myTopic(long themeId, @Nullable String identityHash) {
        return identityHash == null ? Optional.empty()
                : db.one("SELECT topic_id FROM theme_ballot WHERE theme_vote_id = ? AND identity_hash = ?", rs -> rs.getLong(1),
                themeId, identityHash);
    }

    private Theme lock(long id) {
        return db.one("SELECT * FROM theme_vote WHERE id = ? FOR UPDATE", Theme::map, id)
                .orElseThrow(() -> DomainException.notFound("theme"));
    }
}
