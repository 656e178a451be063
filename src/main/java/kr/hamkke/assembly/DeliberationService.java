package kr.hamkke.assembly;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.assembly.rules.PlenaryRule;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.identity.Role;
import kr.hamkke.identity.RoleService;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Topic meetings, table threads, drafts, the 시민총회 and policy proposals (DOMAIN §6). */
@Singleton
public class DeliberationService {

    public static final int RESPONSE_DAYS = 60;

    public record Meeting(long id, long cycleId, int seq, String title, LocalDate heldOn, LocalDate windowOpens,
                          LocalDate windowCloses, String summary, MeetingFormat format, String venue, String onlineNote) {
        public boolean open(LocalDate today) {
            return !today.isBefore(windowOpens) && !today.isAfter(windowCloses);
        }

        /** The online note as a link when it is an http(s) address (otherwise shown as text, e.g. 온라인 회의실). */
        public boolean onlineIsLink() {
            return onlineNote != null && (onlineNote.startsWith("https://") || onlineNote.startsWith("http://"));
        }
    }

    public record Table(long id, long meetingId, String name, long facilitatorAccountId) {
    }

    public record Post(long id, long tableId, String authorLabel, String stance, String body, Instant createdAt) {
    }

    public record Draft(long id, long tableId, String title, String body, String orgUnitCode, Instant forwardedAt) {
    }

    public record ItemResult(Draft draft, PlenaryRule.Outcome outcome) {
    }

    public record Proposal(long id, long cycleId, Long draftId, String title, String body, int yes, int no, int abstain,
                           BigDecimal yesShare, int rank, String orgUnitCode, String orgUnitName, LocalDate responseDue,
                           String response, String responseText, Instant respondedAt) {
        public boolean overdue(LocalDate today) {
            return response == null && today.isAfter(responseDue);
        }
    }

    public enum Choice { YES, NO, ABSTAIN }

    public enum Response { ACCEPTED, PARTIAL, NOT_ACCEPTED, LONG_TERM }

    private final Sql sql;
    private final AuditLog audit;
    private final CycleService cycles;
    private final MembershipService members;
    private final RoleService roles;
    private final Clock clock;
    private final int turnoutPercent;

    DeliberationService(Sql sql, AuditLog audit, CycleService cycles, MembershipService members, RoleService roles, Clock clock,
                        @Value("${hamkke.assembly.turnout-percent:50}") int turnoutPercent) {
        this.sql = sql;
        this.audit = audit;
        this.cycles = cycles;
        this.members = members;
        this.roles = roles;
        this.clock = clock;
        this.turnoutPercent = turnoutPercent;
    }

    public int turnoutPercent() {
        return turnoutPercent;
    }

    // ---------------------------------------------------------------- meetings and tables

    /** A topic meeting with its online window (−7 to +7 days around the meeting day). */
    @Transactional
    public long createMeeting(Actor staff, long cycleId, int seq, String title, LocalDate heldOn) {
        return createMeeting(staff, cycleId, seq, title, heldOn, MeetingFormat.Place.online(null));
    }

    /** A topic meeting with its format (online / offline / hybrid), venue and online link or note. */
    @Transactional
    public long createMeeting(Actor staff, long cycleId, int seq, String title, LocalDate heldOn, MeetingFormat.Place place) {
        cycles.get(cycleId);
        long id;
        try {
            id = sql.insert("""
                    INSERT INTO assembly_meeting (cycle_id, seq, title, held_on, window_opens, window_closes, format, venue, online_note)
                    VALUES (?,?,?,?,?,?,?,?,?)""",
                    cycleId, seq, title, heldOn, heldOn.minusDays(7), heldOn.plusDays(7), place.format().name(), place.venue(), place.onlineNote());
        } catch (RuntimeException e) {
            if (Sql.isDuplicate(e)) {
                throw DomainException.conflict("assembly.meeting-exists");
            }
            throw e;
        }
        audit.record(staff, "assembly.meeting.create", "assembly_meeting", id, "cycle=" + cycleId + " seq=" + seq + " format=" + place.format());
        return id;
    }

    /** Staff change a meeting's format, venue and online note (old → new audited). */
    @Transactional
    public void setPlace(Actor staff, long meetingId, MeetingFormat.Place place) {
        Meeting m = meeting(meetingId);
        sql.update("UPDATE assembly_meeting SET format = ?, venue = ?, online_note = ? WHERE id = ?",
                place.format().name(), place.venue(), place.onlineNote(), meetingId);
        audit.record(staff, "assembly.meeting.format", "assembly_meeting", meetingId,
                m.format() + " -> " + place.format() + " venue=" + place.venue());
    }

    @Transactional
    public long createTable(Actor staff, long meetingId, String name, long facilitatorAccountId) {
        meeting(meetingId);
        long id = sql.insert("INSERT INTO assembly_table (meeting_id, name, facilitator_account_id) VALUES (?,?,?)", meetingId, name, facilitatorAccountId);
        audit.record(staff, "assembly.table.create", "assembly_table", id, "meeting=" + meetingId + " facilitator=" + facilitatorAccountId);
        return id;
    }

    @Transactional
    public void setSummary(Actor staff, long meetingId, String summary) {
        meeting(meetingId);
        sql.update("UPDATE assembly_meeting SET summary = ? WHERE id = ?", summary, meetingId);
        audit.record(staff, "assembly.meeting.summary", "assembly_meeting", meetingId, "length=" + summary.length());
    }

    @Transactional(readOnly = true)
    public List<Meeting> meetings(long cycleId) {
        return sql.list("SELECT id, cycle_id, seq, title, held_on, window_opens, window_closes, summary, format, venue, online_note FROM assembly_meeting WHERE cycle_id = ? ORDER BY seq",
                rs -> new Meeting(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8),
                        MeetingFormat.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11)), cycleId);
    }

    @Transactional(readOnly = true)
    public Meeting meeting(long meetingId) {
        return sql.one("SELECT id, cycle_id, seq, title, held_on, window_opens, window_closes, summary, format, venue, online_note FROM assembly_meeting WHERE id = ?",
                rs -> new Meeting(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8),
                        MeetingFormat.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11)), meetingId)
                .orElseThrow(() -> DomainException.notFound("assembly.meeting"));
    }

    @Transactional(readOnly = true)
    public List<Table> tables(long meetingId) {
        return sql.list("SELECT id, meeting_id, name, facilitator_account_id FROM assembly_table WHERE meeting_id = ? ORDER BY id",
                rs -> new Table(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4)), meetingId);
    }

    @Transactional(readOnly = true)
    public Table table(long tableId) {
        return sql.one("SELECT id, meeting_id, name, facilitator_account_id FROM assembly_table WHERE id = ?",
                rs -> new Table(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4)), tableId)
                .orElseThrow(() -> DomainException.notFound("assembly.table"));
    }

    /** Members (appointed or active) and facilitators only; everyone else is refused (403). */
    @Transactional(readOnly = true)
    public Table requireThreadAccess(CurrentUser user, long tableId) {
        Table t = table(tableId);
        Meeting m = meeting(t.meetingId());
        boolean facilitator = t.facilitatorAccountId() == user.accountId() || user.has(Role.Names.FACILITATOR);
        if (!facilitator) {
            Membership ms = members.of(m.cycleId(), user.accountId()).filter(Membership::participating)
                    .orElseThrow(() -> DomainException.notAllowed("assembly.members-only"));
            requireOnTable(tableId, ms);
        }
        return t;
    }

    /** A table with assigned members is theirs only; a table without assignments is open to every member of the cycle. */
    void requireOnTable(long tableId, Membership ms) {
        if (hasAssignedMembers(tableId) && !isAssigned(tableId, ms.id())) {
            throw DomainException.notAllowed("assembly.table-members-only");
        }
    }

    @Transactional(readOnly = true)
    public boolean hasAssignedMembers(long tableId) {
        return sql.count("SELECT COUNT(*) FROM assembly_table_member WHERE table_id = ?", tableId) > 0;
    }

    @Transactional(readOnly = true)
    public boolean isAssigned(long tableId, long membershipId) {
        return sql.count("SELECT COUNT(*) FROM assembly_table_member WHERE table_id = ? AND membership_id = ?", tableId, membershipId) > 0;
    }

    @Transactional(readOnly = true)
    public List<Post> posts(long tableId) {
        return sql.list("SELECT id, table_id, author_label, stance, body, created_at FROM assembly_post WHERE table_id = ? ORDER BY id",
                rs -> new Post(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), Sql.instant(rs, "created_at")), tableId);
    }

    @Transactional
    public long post(CurrentUser user, long tableId, String stance, String body) {
        Table t = requireThreadAccess(user, tableId);
        Meeting m = meeting(t.meetingId());
        if (!m.open(LocalDate.now(clock))) {
            throw DomainException.notAllowed("assembly.window-closed");
        }
        if (!Set.of("POINT", "PRO", "CON").contains(stance)) {
            throw DomainException.invalid("assembly.stance");
        }
        if (body == null || body.isBlank() || body.length() > 2000) {
            throw DomainException.invalid("assembly.post-body");
        }
        String label = members.of(m.cycleId(), user.accountId()).filter(Membership::participating)
                .map(ms -> "시민위원 " + ms.code()).orElse("퍼실리테이터");
        long id = sql.insert("INSERT INTO assembly_post (table_id, author_account_id, author_label, stance, body, created_at) VALUES (?,?,?,?,?,?)",
                tableId, user.accountId(), label, stance, body.strip(), clock.instant());
        audit.record(user.asCitizen(), "assembly.post", "assembly_post", id, "table=" + tableId + " stance=" + stance);
        return id;
    }

    /** The table's facilitator forwards a draft proposal to the plenary. */
    @Transactional
    public long forwardDraft(CurrentUser user, long tableId, String title, String body, String orgUnitCode) {
        Table t = table(tableId);
        if (t.facilitatorAccountId() != user.accountId()) {
            throw DomainException.notAllowed("assembly.facilitator-only");
        }
        if (title == null || title.isBlank() || body == null || body.isBlank()) {
            throw DomainException.invalid("assembly.draft-required");
        }
        if (sql.count("SELECT COUNT(*) FROM org_unit WHERE code = ?", orgUnitCode) == 0) {
            throw DomainException.invalid("assembly.org-unit");
        }
        Meeting m = meeting(t.meetingId());
        Cycle c = cycles.get(m.cycleId());
        if (c.status().atLeast(Cycle.Status.PLENARY)) {
            throw DomainException.conflict("assembly.plenary-started");
        }
        long id = sql.insert("INSERT INTO assembly_draft (table_id, title, body, org_unit_code, forwarded_by, forwarded_at) VALUES (?,?,?,?,?,?)",
                tableId, title.strip(), body.strip(), orgUnitCode, user.accountId(), clock.instant());
        audit.record(user.as(Role.Names.FACILITATOR), "assembly.draft.forward", "assembly_draft", id, "table=" + tableId + " title=" + title.strip());
        return id;
    }

    @Transactional(readOnly = true)
    public List<Draft> drafts(long cycleId) {
        return sql.list("""
                SELECT d.id, d.table_id, d.title, d.body, d.org_unit_code, d.forwarded_at FROM assembly_draft d
                JOIN assembly_table t ON t.id = d.table_id JOIN assembly_meeting m ON m.id = t.meeting_id
                WHERE m.cycle_id = ? ORDER BY d.id""",
                rs -> new Draft(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), Sql.instant(rs, "forwarded_at")), cycleId);
    }

    private Draft draft(long draftId) {
        return sql.one("SELECT id, table_id, title, body, org_unit_code, forwarded_at FROM assembly_draft WHERE id = ?",
                rs -> new Draft(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), Sql.instant(rs, "forwarded_at")), draftId)
                .orElseThrow(() -> DomainException.notFound("assembly.draft"));
    }

    private long cycleOfDraft(long draftId) {
        return sql.one("""
                SELECT m.cycle_id FROM assembly_draft d JOIN assembly_table t ON t.id = d.table_id
                JOIN assembly_meeting m ON m.id = t.meeting_id WHERE d.id = ?""", rs -> rs.getLong(1), draftId)
                .orElseThrow(() -> DomainException.notFound("assembly.draft"));
    }

    // ---------------------------------------------------------------- plenary

    /** One vote per (item, membership): the membership row is locked, a second vote is 409. */
    @Transactional
    public void vote(long accountId, long draftId, Choice choice) {
        long cycleId = cycleOfDraft(draftId);
        Cycle c = cycles.get(cycleId);
        if (c.status() != Cycle.Status.PLENARY) {
            throw DomainException.notAllowed("assembly.plenary-closed");
        }
        sql.one("SELECT id FROM assembly_membership WHERE cycle_id = ? AND account_id = ? FOR UPDATE", rs -> rs.getLong(1), cycleId, accountId)
                .orElseThrow(() -> DomainException.notAllowed("assembly.members-only"));
        Membership m = members.of(cycleId, accountId).orElseThrow();
        if (m.status() != Membership.Status.ACTIVE) {
            throw DomainException.notAllowed("assembly.active-only");
        }
        if (sql.count("SELECT COUNT(*) FROM assembly_plenary_vote WHERE draft_id = ? AND membership_id = ?", draftId, m.id()) > 0) {
            throw DomainException.conflict("assembly.already-voted");
        }
        long id;
        try {
            id = sql.insert("INSERT INTO assembly_plenary_vote (draft_id, membership_id, choice, cast_at) VALUES (?,?,?,?)",
                    draftId, m.id(), choice, clock.instant());
        } catch (RuntimeException e) {
            if (Sql.isDuplicate(e)) {
                throw DomainException.conflict("assembly.already-voted");
            }
            throw e;
        }
        // The audit entry records that a vote was cast, never the choice.
        audit.record(Actor.citizen(accountId), "assembly.plenary.vote", "assembly_draft", draftId, "vote=" + id);
    }

    @Transactional(readOnly = true)
    public Set<Long> votedDrafts(long cycleId, long accountId) {
        return new java.util.TreeSet<>(sql.list("""
                SELECT v.draft_id FROM assembly_plenary_vote v JOIN assembly_membership ms ON ms.id = v.membership_id
                WHERE ms.cycle_id = ? AND ms.account_id = ?""", rs -> rs.getLong(1), cycleId, accountId));
    }

    @Transactional(readOnly = true)
    public List<ItemResult> results(long cycleId) {
        List<Draft> drafts = drafts(cycleId);
        List<PlenaryRule.Count> counts = new ArrayList<>();
        for (Draft d : drafts) {
            int[] n = new int[3];
            for (var row : sql.list("SELECT choice, COUNT(*) FROM assembly_plenary_vote WHERE draft_id = ? GROUP BY choice",
                    rs -> java.util.Map.entry(rs.getString(1), rs.getInt(2)), d.id())) {
                n[Choice.valueOf(row.getKey()).ordinal()] = row.getValue();
            }
            counts.add(new PlenaryRule.Count(d.id(), n[0], n[1], n[2]));
        }
        List<PlenaryRule.Outcome> outcomes = PlenaryRule.decide(counts, members.activeCount(cycleId), turnoutPercent);
        List<ItemResult> out = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            out.add(new ItemResult(drafts.get(i), outcomes.get(i)));
        }
        return out;
    }

    /** Closes the plenary: adopted items, ranked by YES share, become policy proposals handed to their org units. */
    @Transactional
    public List<ItemResult> closePlenary(Actor staff, long cycleId) {
        Cycle c = cycles.get(cycleId);
        sql.one("SELECT id FROM assembly_cycle WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), cycleId);
        if (c.status() != Cycle.Status.PLENARY) {
            throw DomainException.conflict("assembly.plenary-closed");
        }
        List<ItemResult> results = results(cycleId);
        Instant now = clock.instant();
        LocalDate due = LocalDate.now(clock).plusDays(RESPONSE_DAYS);
        int adopted = 0;
        for (ItemResult r : results) {
            PlenaryRule.Outcome o = r.outcome();
            if (o.adopted()) {
                adopted++;
                sql.insert("""
                        INSERT INTO assembly_policy_proposal (cycle_id, draft_id, title, body, yes_votes, no_votes, abstain_votes,
                          yes_share, rank_no, org_unit_code, handed_off_at, response_due) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""",
                        cycleId, r.draft().id(), r.draft().title(), r.draft().body(), o.count().yes(), o.count().no(), o.count().abstain(),
                        BigDecimal.valueOf(o.count().yesShare()).setScale(4, RoundingMode.HALF_UP), o.rank(), r.draft().orgUnitCode(), now, due);
            }
        }
        audit.record(staff, "assembly.plenary.close", "assembly_cycle", cycleId, "items=" + results.size() + " adopted=" + adopted
                + " active=" + members.activeCount(cycleId) + " turnout_percent=" + turnoutPercent);
        cycles.setStatus(staff, c, Cycle.Status.HANDED_OFF, "by plenary close");
        return results;
    }

    // ---------------------------------------------------------------- proposals and responses

    private static final String PROPOSAL_SQL = """
            SELECT p.id, p.cycle_id, p.draft_id, p.title, p.body, p.yes_votes, p.no_votes, p.abstain_votes, p.yes_share, p.rank_no,
              p.org_unit_code, o.name_ko, p.response_due, p.response, p.response_text, p.responded_at
            FROM assembly_policy_proposal p JOIN org_unit o ON o.code = p.org_unit_code""";

    private static Proposal proposal(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Proposal(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                rs.getInt(7), rs.getInt(8), rs.getBigDecimal(9), rs.getInt(10), rs.getString(11), rs.getString(12),
                rs.getObject(13, LocalDate.class), rs.getString(14), rs.getString(15), Sql.instant(rs, "responded_at"));
    }

    @Transactional(readOnly = true)
    public List<Proposal> proposals(long cycleId) {
        return sql.list(PROPOSAL_SQL + " WHERE p.cycle_id = ? ORDER BY p.rank_no", DeliberationService::proposal, cycleId);
    }

    @Transactional(readOnly = true)
    public List<Proposal> allProposals() {
        return sql.list(PROPOSAL_SQL + " ORDER BY p.cycle_id DESC, p.rank_no", DeliberationService::proposal);
    }

    /** Org units this account reviews for (active DEPT_REVIEWER grants scoped to an org unit). */
    @Transactional(readOnly = true)
    public List<String> reviewerUnits(long accountId) {
        Instant now = clock.instant();
        return roles.grantsOf(accountId).stream()
                .filter(g -> g.role().equals(Role.DEPT_REVIEWER.name()) && "ORG_UNIT".equals(g.scopeType()) && g.activeAt(now))
                .map(g -> g.scopeId()).toList();
    }

    @Transactional(readOnly = true)
    public List<Proposal> proposalsFor(long reviewerAccountId) {
        List<String> units = reviewerUnits(reviewerAccountId);
        return allProposals().stream().filter(p -> units.contains(p.orgUnitCode())).toList();
    }

    @Transactional
    public void respond(CurrentUser reviewer, long proposalId, Response response, String text) {
        long cycleId = sql.one("SELECT cycle_id FROM assembly_policy_proposal WHERE id = ?", rs -> rs.getLong(1), proposalId)
                .orElseThrow(() -> DomainException.notFound("assembly.proposal"));
        // Cycle row first (then the proposal), the same order as the plenary close, so responses of one cycle queue up.
        sql.one("SELECT id FROM assembly_cycle WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), cycleId);
        Proposal p = sql.one(PROPOSAL_SQL + " WHERE p.id = ? FOR UPDATE", DeliberationService::proposal, proposalId)
                .orElseThrow(() -> DomainException.notFound("assembly.proposal"));
        if (!reviewerUnits(reviewer.accountId()).contains(p.orgUnitCode())) {
            throw DomainException.notAllowed("assembly.not-your-unit");
        }
        if (p.response() != null) {
            throw DomainException.conflict("assembly.already-responded");
        }
        if (text == null || text.strip().length() < 20) {
            throw DomainException.invalid("assembly.reason-too-short");
        }
        sql.update("UPDATE assembly_policy_proposal SET response = ?, response_text = ?, responded_at = ?, responded_by = ? WHERE id = ?",
                response, text.strip(), clock.instant(), reviewer.accountId(), proposalId);
        audit.record(reviewer.as(Role.Names.DEPT_REVIEWER), "assembly.proposal.respond", "assembly_policy_proposal", proposalId,
                "response=" + response + " unit=" + p.orgUnitCode(), text.strip());
        cycles.respondedIfComplete(Actor.SYSTEM, cycleId);
    }

    @Transactional(readOnly = true)
    public long cycleIdOfDraft(long draftId) {
        return cycleOfDraft(draftId);
    }

    @Transactional(readOnly = true)
    public Optional<Draft> findDraft(long id) {
        try {
            return Optional.of(draft(id));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }
}
