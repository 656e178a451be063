package kr.hamkke.proposals;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.identity.VerificationService;
import kr.hamkke.identity.VerifiedIdentity;
import kr.hamkke.proposals.rules.Deadlines;
import kr.hamkke.proposals.rules.Percent;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** 서울시가 묻습니다 (P8): a department asks, verified citizens answer once, results and a follow-up. */
@Singleton
public class CityQuestionService {

    private final Db db;
    private final AuditLog audit;
    private final VerificationService verifications;
    private final ProposalConfig config;
    private final Clock clock;

    CityQuestionService(Db db, AuditLog audit, VerificationService verifications, ProposalConfig config, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.verifications = verifications;
        this.config = config;
        this.clock = clock;
    }

    public record NewQuestion(String orgUnit, String kind, String cadence, String title, String background,
                              List<String> options, boolean multiSelect, Instant opensAt, Instant closesAt) {
    }

    @Transactional
    public long create(Actor staff, NewQuestion q) {
        if (db.number("SELECT COUNT(*) FROM org_unit WHERE code = ?", q.orgUnit()) == 0) {
            throw DomainException.invalid("questions.org-unit");
        }
        if (!Set.of("POLL", "DEBATE").contains(q.kind()) || !Set.of("REGULAR", "AD_HOC").contains(q.cadence())) {
            throw DomainException.invalid("questions.kind");
        }
        List<String> options = q.options().stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (options.size() < 2 || options.size() > 10 || options.stream().anyMatch(o -> o.length() > 100)) {
            throw DomainException.invalid("questions.options");
        }
        if (q.opensAt() == null || q.closesAt() == null || !q.closesAt().isAfter(q.opensAt())) {
            throw DomainException.invalid("questions.window");
        }
        long id = db.insert("""
                INSERT INTO city_question (org_unit, kind, cadence, title, background, multi_select, opens_at, closes_at,
                  follow_up_due_at, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
                q.orgUnit(), q.kind(), q.cadence(), q.title().strip(), q.background().strip(), q.multiSelect(), q.opensAt(),
                q.closesAt(), Deadlines.endOfDayAfter(q.closesAt(), config.getQuestionFollowUpDays()), staff.accountId(), clock.instant());
        for (int i = 0; i < options.size(); i++) {
            db.insert("INSERT INTO city_question_option (question_id, ordinal, label) VALUES (?,?,?)", id, i + 1, options.get(i));
        }
        audit.record(staff, "question.create", "city_question", id, q.title().strip() + " options=" + options.size());
        return id;
    }

    @Transactional
    public void answer(long accountId, long questionId, List<Long> optionIds) {
        VerifiedIdentity person = verifications.find(accountId).orElseThrow(() -> DomainException.notAllowed("proposals.not-verified"));
        Question q = db.one("SELECT * FROM city_question WHERE id = ? FOR UPDATE", Question::map, questionId)
                .orElseThrow(() -> DomainException.notFound("question"));
        Instant now = clock.instant();
        if (now.isBefore(q.opensAt()) || now.isAfter(q.closesAt())) {
            throw DomainException.conflict("questions.closed");
        }
        Set<Long> chosen = new LinkedHashSet<>(optionIds == null ? List.of() : optionIds);
        if (chosen.isEmpty() || (!q.multiSelect() && chosen.size() != 1)) {
            throw DomainException.invalid("questions.choice");
        }
        Set<Long> valid = Set.copyOf(db.list("SELECT id FROM city_question_option WHERE question_id = ?", rs -> rs.getLong(1), questionId));
        if (!valid.containsAll(chosen)) {
            throw DomainException.invalid("questions.choice");
        }
        long answerId;
        try {
            answerId = db.insert("INSERT INTO city_question_answer (question_id, identity_hash, account_id, created_at) VALUES (?,?,?,?)",
                    questionId, person.identityHash(), accountId, now);
        } catch (Db.DuplicateRow e) {
            throw DomainException.conflict("questions.duplicate");
        }
        for (long option : chosen) {
            db.update("INSERT INTO city_question_choice (answer_id, option_id) VALUES (?,?)", answerId, option);
            db.update("UPDATE city_question_option SET vote_count = vote_count + 1 WHERE id = ?", option);
        }
        db.update("UPDATE city_question SET participant_count = participant_count + 1 WHERE id = ?", questionId);
        audit.record(Actor.citizen(accountId), "question.answer", "city_question", questionId, "choices=" + chosen.size());
    }

    @Transactional
    public void followUp(Actor staff, long questionId, String text) {
        if (text == null || text.strip().length() < 20 || text.length() > 10_000) {
            throw DomainException.invalid("questions.follow-up");
        }
        Question q = db.one("SELECT * FROM city_question WHERE id = ? FOR UPDATE", Question::map, questionId)
                .orElseThrow(() -> DomainException.notFound("question"));
        if (!clock.instant().isAfter(q.closesAt())) {
            throw DomainException.conflict("questions.still-open");
        }
        db.update("UPDATE city_question SET follow_up = ?, follow_up_at = ? WHERE id = ?", text.strip(), clock.instant(), questionId);
        audit.record(staff, "question.follow-up", "city_question", questionId, "follow-up recorded");
    }

    @Transactional(readOnly = true)
    public Question find(long id) {
        return db.one("SELECT * FROM city_question WHERE id = ?", Question::map, id).orElseThrow(() -> DomainException.notFound("question"));
    }

    @Transactional(readOnly = true)
    public List<Question> all() {
        return db.list("SELECT * FROM city_question ORDER BY closes_at DESC", Question::map);
    }

    @Transactional(readOnly = true)
    public List<Result> results(long questionId) {
        Question q = find(questionId);
        long total = db.number("SELECT COALESCE(SUM(vote_count),0) FROM city_question_option WHERE question_id = ?", questionId);
        return db.list("SELECT id, label, vote_count FROM city_question_option WHERE question_id = ? ORDER BY ordinal",
                rs -> new Result(rs.getLong(1), rs.getString(2), rs.getInt(3), Percent.of(rs.getInt(3), q.multiSelect() ? q.participantCount() : total)),
                questionId);
    }

    /** One option's result: % of choices (single) or of participants (multiple choice). */
    @io.micronaut.serde.annotation.Serdeable
    public record Result(long optionId, String label, int count, BigDecimal percent) {
        /** Bar length in the SVG chart (300 = 100%). */
        public int bar() {
            return percent.multiply(BigDecimal.valueOf(3)).intValue();
        }
    }

    public record Question(long id, String orgUnit, String kind, String cadence, String title, String background,
                           boolean multiSelect, Instant opensAt, Instant closesAt, int participantCount, String followUp,
                           Instant followUpDueAt) {

        static Question map(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new Question(rs.getLong("id"), rs.getString("org_unit"), rs.getString("kind"), rs.getString("cadence"),
                    rs.getString("title"), rs.getString("background"), rs.getBoolean("multi_select"), Db.instant(rs, "opens_at"),
                    Db.instant(rs, "closes_at"), rs.getInt("participant_count"), rs.getString("follow_up"), Db.instant(rs, "follow_up_due_at"));
        }

        public boolean openAt(Instant now) {
            return !now.isBefore(opensAt) && !now.isAfter(closesAt);
        }
    }
}
