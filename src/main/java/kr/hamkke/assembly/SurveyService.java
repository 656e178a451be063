package kr.hamkke.assembly;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Survey panel (엠보팅-style polls): staff ask the members of one cycle a short question; every APPOINTED/ACTIVE member
 * of the cycle is invited and answers once while the survey is open; results are published after it closes.
 */
@Singleton
public class SurveyService {

    static final int MAX_OPTIONS = 10;

    public record Survey(long id, long cycleId, String question, boolean multiSelect, Instant opensAt, Instant closesAt,
                         Instant createdAt) {
        public boolean open(Instant now) {
            return !now.isBefore(opensAt) && now.isBefore(closesAt);
        }

        public boolean closed(Instant now) {
            return !now.isBefore(closesAt);
        }
    }

    public record Option(long id, int seq, String label) {
    }

    /** One bar of the result chart; {@code bar()} is the bar width in a 300-unit SVG scale. */
    public record Result(long optionId, String label, long count, BigDecimal percent) {
        public int bar() {
            return percent.multiply(BigDecimal.valueOf(3)).intValue();
        }
    }

    public record NewSurvey(String question, List<String> options, boolean multiSelect, Instant opensAt, Instant closesAt) {
    }

    private final Sql sql;
    private final AuditLog audit;
    private final MembershipService members;
    private final CycleService cycles;
    private final Clock clock;

    private static final java.time.format.DateTimeFormatter SHOWN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Seoul"));

    private final MemberNotices notices;

    SurveyService(Sql sql, AuditLog audit, MembershipService members, CycleService cycles, Clock clock, MemberNotices notices) {
        this.notices = notices;
        this.sql = sql;
        this.audit = audit;
        this.members = members;
        this.cycles = cycles;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Staff create a survey for one cycle's members; bad input is 422 and stores nothing. */
    @Transactional
    public long create(Actor staff, long cycleId, NewSurvey s) {
        cycles.get(cycleId);
        String question = s.question() == null ? "" : s.question().strip();
        if (question.length() < 5 || question.length() > 300) {
            throw DomainException.invalid("assembly.survey-question");
        }
        Set<String> options = new LinkedHashSet<>();
        for (String o : s.options() == null ? List.<String>of() : s.options()) {
            if (o != null && !o.isBlank()) {
                String label = o.strip();
                if (label.length() > 100 || !options.add(label)) {
                    throw DomainException.invalid("assembly.survey-options");
                }
            }
        }
        if (options.size() < 2 || options.size() > MAX_OPTIONS) {
            throw DomainException.invalid("assembly.survey-options");
        }
        if (s.opensAt() == null || s.closesAt() == null || !s.closesAt().isAfter(s.opensAt()) || !s.closesAt().isAfter(clock.instant())) {
            throw DomainException.invalid("assembly.survey-window");
        }
        Instant now = clock.instant();
        long id = sql.insert("""
                INSERT INTO assembly_survey (cycle_id, question, multi_select, opens_at, closes_at, created_by, created_at)
                VALUES (?,?,?,?,?,?,?)""", cycleId, question, s.multiSelect(), s.opensAt(), s.closesAt(),
                staff.accountId(), now);
        int seq = 1;
        for (String label : options) {
            sql.update("INSERT INTO assembly_survey_option (survey_id, seq, label) VALUES (?,?,?)", id, seq++, label);
        }
        audit.record(staff, "assembly.survey.create", "assembly_survey", id,
                "cycle=" + cycleId + " options=" + options.size() + " multi=" + s.multiSelect() + " closes=" + s.closesAt());
        // Invited members hear about it when it is created (the window's opening time is in the message).
        notices.toSeated(cycleId, false, "서울시민회의 시민위원 설문이 열립니다: " + question + " ("
                + SHOWN.format(s.opensAt()) + " ~ " + SHOWN.format(s.closesAt()) + ")", "/assembly/surveys/" + id);
        return id;
    }

    /** Staff close a survey early (results are published from then on). */
    @Transactional
    public Survey close(Actor staff, long surveyId) {
        Survey s = lock(surveyId);
        Instant now = clock.instant();
        if (s.closed(now)) {
            throw DomainException.conflict("assembly.survey-closed");
        }
        sql.update("UPDATE assembly_survey SET closes_at = ?, opens_at = LEAST(opens_at, ?) WHERE id = ?", now, now, surveyId);
        audit.record(staff, "assembly.survey.close", "assembly_survey", surveyId, "cycle=" + s.cycleId() + " closes=" + s.closesAt() + "->" + now);
        return get(surveyId);
    }

    /**
     * An invited member answers once while the survey is open. The choice is stored for counting but never audited.
     * The membership row is locked and the answer's primary key makes a concurrent second answer fail (409).
     */
    @Transactional
    public void answer(long accountId, long surveyId, List<Long> optionIds) {
        Survey s = get(surveyId);
        Membership m = members.of(s.cycleId(), accountId).filter(Membership::participating)
                .orElseThrow(() -> DomainException.notAllowed("assembly.survey-members-only"));
        if (!s.open(clock.instant())) {
            throw DomainException.conflict(s.closed(clock.instant()) ? "assembly.survey-closed" : "assembly.survey-not-open");
        }
        Set<Long> chosen = new LinkedHashSet<>(optionIds == null ? List.of() : optionIds);
        chosen.remove(null);
        Set<Long> valid = new LinkedHashSet<>(options(surveyId).stream().map(Option::id).toList());
        if (chosen.isEmpty() || !valid.containsAll(chosen) || (!s.multiSelect() && chosen.size() > 1)) {
            throw DomainException.invalid("assembly.survey-choice");
        }
        m = members.lockForUpdate(m.id());
        if (sql.count("SELECT COUNT(*) FROM assembly_survey_answer WHERE survey_id = ? AND membership_id = ?", surveyId, m.id()) > 0) {
            throw DomainException.conflict("assembly.survey-answered");
        }
        try {
            sql.update("INSERT INTO assembly_survey_answer (survey_id, membership_id, answered_at) VALUES (?,?,?)", surveyId, m.id(), clock.instant());
        } catch (RuntimeException e) {
            if (Sql.isDuplicate(e)) {
                throw DomainException.conflict("assembly.survey-answered");
            }
            throw e;
        }
        for (Long optionId : chosen) {
            sql.update("INSERT INTO assembly_survey_choice (survey_id, membership_id, option_id) VALUES (?,?,?)", surveyId, m.id(), optionId);
        }
        audit.record(Actor.citizen(accountId), "assembly.survey.answer", "assembly_survey", surveyId, "code=" + m.code());
    }

    @Transactional(readOnly = true)
    public Survey get(long surveyId) {
        return sql.one("SELECT id, cycle_id, question, multi_select, opens_at, closes_at, created_at FROM assembly_survey WHERE id = ?",
                SurveyService::map, surveyId).orElseThrow(() -> DomainException.notFound("assembly.survey"));
    }

    private Survey lock(long surveyId) {
        return sql.one("SELECT id, cycle_id, question, multi_select, opens_at, closes_at, created_at FROM assembly_survey WHERE id = ? FOR UPDATE",
                SurveyService::map, surveyId).orElseThrow(() -> DomainException.notFound("assembly.survey"));
    }

    @Transactional(readOnly = true)
    public List<Survey> ofCycle(long cycleId) {
        return sql.list("SELECT id, cycle_id, question, multi_select, opens_at, closes_at, created_at FROM assembly_survey WHERE cycle_id = ? ORDER BY id DESC",
                SurveyService::map, cycleId);
    }

    @Transactional(readOnly = true)
    public List<Option> options(long surveyId) {
        return sql.list("SELECT id, seq, label FROM assembly_survey_option WHERE survey_id = ? ORDER BY seq",
                rs -> new Option(rs.getLong(1), rs.getInt(2), rs.getString(3)), surveyId);
    }

    /** The member's membership if invited (APPOINTED or ACTIVE in the survey's cycle). */
    @Transactional(readOnly = true)
    public Optional<Membership> invitee(Survey s, long accountId) {
        return members.of(s.cycleId(), accountId).filter(Membership::participating);
    }

    @Transactional(readOnly = true)
    public boolean answered(long surveyId, long membershipId) {
        return sql.count("SELECT COUNT(*) FROM assembly_survey_answer WHERE survey_id = ? AND membership_id = ?", surveyId, membershipId) > 0;
    }

    @Transactional(readOnly = true)
    public long respondents(long surveyId) {
        return sql.count("SELECT COUNT(*) FROM assembly_survey_answer WHERE survey_id = ?", surveyId);
    }

    /** Invited members right now: the cycle's APPOINTED and ACTIVE members. */
    @Transactional(readOnly = true)
    public long invited(long cycleId) {
        return sql.count("SELECT COUNT(*) FROM assembly_membership WHERE cycle_id = ? AND status IN ('APPOINTED','ACTIVE')", cycleId);
    }

    /** Counts per option; the percentage is of respondents (so a multiple-choice survey can add up to more than 100). */
    @Transactional(readOnly = true)
    public List<Result> results(long surveyId) {
        long respondents = respondents(surveyId);
        List<Result> out = new ArrayList<>();
        for (Option o : options(surveyId)) {
            long n = sql.count("SELECT COUNT(*) FROM assembly_survey_choice WHERE option_id = ?", o.id());
            BigDecimal pct = respondents == 0 ? BigDecimal.ZERO.setScale(1)
                    : BigDecimal.valueOf(n * 100L).divide(BigDecimal.valueOf(respondents), 1, RoundingMode.HALF_UP);
            out.add(new Result(o.id(), o.label(), n, pct));
        }
        return out;
    }

    private static Survey map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Survey(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), Sql.instant(rs, "opens_at"),
                Sql.instant(rs, "closes_at"), Sql.instant(rs, "created_at"));
    }
}
