package kr.hamkke.budgeting.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.budgeting.ballot.BallotPick;
import kr.hamkke.budgeting.ballot.BallotRules;
import kr.hamkke.budgeting.ballot.BallotViolation;
import kr.hamkke.budgeting.service.Models.Project;
import kr.hamkke.budgeting.service.Models.Track;
import kr.hamkke.identity.VerificationService;
import kr.hamkke.identity.VerifiedIdentity;
import kr.hamkke.identity.eligibility.Eligibility;
import kr.hamkke.identity.eligibility.Person;
import kr.hamkke.identity.eligibility.ReasonCode;
import kr.hamkke.identity.eligibility.Requirement;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.Hashing;

/**
 * One ballot per identity per track (B6, §8.1), whatever the channel. The person's verification row
 * is locked first (a per-person mutex), then the ballot row FOR UPDATE; UNIQUE(track_id,
 * identity_hash) is the backstop. Online ballots may be changed until the vote closes: the last one
 * counts and earlier receipts become SUPERSEDED. Audit entries name the ballot and receipt hash, never
 * the selections.
 */
@Singleton
public class BallotService {

    public enum ReceiptStatus { COUNTED, SUPERSEDED, NOT_FOUND }

    public record Receipt(String code, long ballotId, int version, boolean replayed) {
    }

    private final Db db;
    private final AuditLog audit;
    private final CycleService cycles;
    private final ProjectService projects;
    private final VerificationService verification;
    private final Clock clock;

    BallotService(Db db, AuditLog audit, CycleService cycles, ProjectService projects, VerificationService verification, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.cycles = cycles;
        this.projects = projects;
        this.verification = verification;
        this.clock = clock;
    }

    /** Why this person may not vote on this track now, or ELIGIBLE. */
    @Transactional(readOnly = true)
    public ReasonCode eligibility(Long accountId, Track track) {
        return eligibility(verification.personFor(accountId), track);
    }

    ReasonCode eligibility(Person person, Track track) {
        var cycle = cycles.cycle(track.cycleId());
        Set<Person.RelationKind> relations = Arrays.stream(cycle.relations().split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(Person.RelationKind::valueOf).collect(Collectors.toSet());
        boolean open = !track.readOnly() && cycles.allows(track.cycleId(), Capability.VOTE);
        return Eligibility.check(person, Requirement.voting(cycle.minAge(), cycles.votingCloses(track.cycleId()), relations,
                track.guCode(), track.dongCode(), open));
    }

    /** The track's ballot: ON_BALLOT project id → cost in 원. */
    @Transactional(readOnly = true)
    public Map<String, Long> ballotCosts(long trackId) {
        Map<String, Long> costs = new LinkedHashMap<>();
        for (Project p : projects.ofTrack(trackId)) {
            if ("ON_BALLOT".equals(p.status())) {
                costs.put(Long.toString(p.id()), p.costWon());
            }
        }
        return costs;
    }

    /** Current selections of this person's ballot (for pre-filling the change form). */
    @Transactional(readOnly = true)
    public Optional<List<Long>> currentSelections(long accountId, long trackId) {
        Optional<VerifiedIdentity> v = verification.find(accountId);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> ballot = db.one("SELECT id FROM pb_ballot WHERE track_id = ? AND identity_hash = ?", rs -> rs.getLong(1),
                trackId, v.get().identityHash());
        return ballot.map(id -> db.list("SELECT project_id FROM pb_ballot_selection WHERE ballot_id = ? ORDER BY project_id",
                rs -> rs.getLong(1), id));
    }

    @Transactional(readOnly = true)
    public Optional<String> ballotSource(long accountId, long trackId) {
        return verification.find(accountId).flatMap(v -> db.one(
                "SELECT source FROM pb_ballot WHERE track_id = ? AND identity_hash = ?", rs -> rs.getString(1), trackId, v.identityHash()));
    }

    @Transactional(readOnly = true)
    public String identityHashOfAccount(long accountId) {
        return verification.find(accountId).map(VerifiedIdentity::identityHash).orElse(null);
    }

    @Transactional(readOnly = true)
    public String identityHashOfEmail(String email) {
        return db.one("SELECT v.identity_hash FROM account a JOIN verification v ON v.account_id = a.id WHERE a.email = ?",
                rs -> rs.getString(1), email == null ? "" : email.strip()).orElse(null);
    }

    /**
     * An online ballot (web form or API). {@code idempotencyKey} may be null.
     * READ COMMITTED: every read that matters here happens after the person's verification row is locked, so
     * it must see the latest committed rows (not a snapshot taken before the lock), and the lookups of absent
     * rows (first ballot, new idempotency key) must not take gap locks: under REPEATABLE READ those gap locks
     * made two different voters' INSERTs deadlock (503s at 64 voters, docs/PERFORMANCE.md). The person lock and
     * UNIQUE(track_id, identity_hash) still make it one ballot per person. (Needs row-based binlog if a binlog is on.)
     */
    @Transactional(isolation = io.micronaut.transaction.TransactionDefinition.Isolation.READ_COMMITTED)
    public Receipt submitOnline(long accountId, boolean committeeMember, long trackId, List<BallotPick> picks, String idempotencyKey) {
        Track track = cycles.track(trackId);
        VerifiedIdentity voter = requireEligible(accountId, track);
        lockPerson(voter.identityHash());
        String requestHash = requestHash(trackId, picks);
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            Optional<String[]> done = db.one("SELECT response, request_hash FROM pb_idempotency WHERE account_id = ? AND idem_key = ? FOR UPDATE",
                    rs -> new String[] {rs.getString(1), rs.getString(2)}, accountId, idempotencyKey);
            if (done.isPresent()) {
                if (done.get()[1] != null && !done.get()[1].equals(requestHash)) {
                    throw DomainException.invalid("idempotency.key-reused");
                }
                String[] parts = done.get()[0].split(":");
                return new Receipt(null, Long.parseLong(parts[0]), Integer.parseInt(parts[1]), true);
            }
        }
        validate(track, picks);
        refuseIfPaperIssued(trackId, voter.identityHash());
        Instant now = clock.instant();
        String code = ReceiptCodes.fresh();
        String receiptHash = ReceiptCodes.hash(code);
        Optional<Object[]> existing = db.one("SELECT id, source, version FROM pb_ballot WHERE track_id = ? AND identity_hash = ? FOR UPDATE",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3)}, trackId, voter.identityHash());
        long ballotId;
        int version;
        if (existing.isPresent()) {
            ballotId = (Long) existing.get()[0];
            String source = (String) existing.get()[1];
            if (!"ONLINE".equals(source)) {
                throw DomainException.conflict("budgeting.voted-" + source.toLowerCase());
            }
            version = (Integer) existing.get()[2] + 1;
            db.update("DELETE FROM pb_ballot_selection WHERE ballot_id = ?", ballotId);
            db.update("UPDATE pb_receipt SET superseded_at = ? WHERE ballot_id = ? AND superseded_at IS NULL", now, ballotId);
            db.update("UPDATE pb_ballot SET receipt_hash = ?, submitted_at = ?, version = ? WHERE id = ?", receiptHash, now, version, ballotId);
            saveSelections(ballotId, picks);
            audit.record(Actor.citizen(accountId), "pb.ballot.change", "pb_ballot", ballotId,
                    "track=" + trackId + " version=" + version + " receipt=" + receiptHash);
        } else {
            version = 1;
            String group = groupOf(accountId, committeeMember, track);
            ballotId = db.insert("""
                    INSERT INTO pb_ballot (track_id, identity_hash, voter_group, source, status, receipt_hash, gu_code, age_band, submitted_at, version)
                    VALUES (?,?,?,'ONLINE','SUBMITTED',?,?,?,?,1)""", trackId, voter.identityHash(), group, receiptHash,
                    voter.homeGu(), ageBand(voter.birthDate(), cycles.votingCloses(track.cycleId())), now);
            saveSelections(ballotId, picks);
            audit.record(Actor.citizen(accountId), "pb.ballot.submit", "pb_ballot", ballotId,
                    "track=" + trackId + " group=" + group + " receipt=" + receiptHash);
        }
        db.insert("INSERT INTO pb_receipt (receipt_hash, ballot_id, track_id, issued_at) VALUES (?,?,?,?)", receiptHash, ballotId, trackId, now);
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            db.update("INSERT INTO pb_idempotency (account_id, idem_key, track_id, response, created_at, request_hash) VALUES (?,?,?,?,?,?)",
                    accountId, idempotencyKey, trackId, ballotId + ":" + version, now, requestHash);
        }
        return new Receipt(code, ballotId, version, false);
    }

    /** What an idempotency key was used for: the track and the picks, in a canonical order. */
    static String requestHash(long trackId, List<BallotPick> picks) {
        StringBuilder canonical = new StringBuilder("track=").append(trackId);
        picks.stream().map(p -> p.projectId() + ":" + p.points()).sorted().forEach(p -> canonical.append(';').append(p));
        return Hashing.sha256Hex(canonical.toString());
    }

    /** A booth ballot keyed by a district officer for a person whose identity they checked. */
    @Transactional
    public Receipt submitAtBooth(Actor officer, String officerGu, String voterEmail, LocalDate birthDate, long trackId, List<BallotPick> picks) {
        Track track = cycles.track(trackId);
        cycles.require(track.cycleId(), Capability.BOOTH);
        requireOfficerScope(officerGu, track);
        VerifiedIdentity voter = identityChecked(voterEmail, birthDate);
        ReasonCode reason = eligibility(voter.asPerson(), track);
        if (reason != ReasonCode.ELIGIBLE) {
            throw DomainException.notAllowed("budgeting." + reason.name());
        }
        validate(track, picks);
        lockPerson(voter.identityHash());
        refuseIfPaperIssued(trackId, voter.identityHash());
        refuseIfBallot(trackId, voter.identityHash());
        Instant now = clock.instant();
        String code = ReceiptCodes.fresh();
        String receiptHash = ReceiptCodes.hash(code);
        long ballotId = db.insert("""
                INSERT INTO pb_ballot (track_id, identity_hash, voter_group, source, status, receipt_hash, gu_code, age_band, submitted_at, version)
                VALUES (?,?,'CITIZEN','BOOTH','SUBMITTED',?,?,?,?,1)""", trackId, voter.identityHash(), receiptHash,
                voter.homeGu(), ageBand(voter.birthDate(), cycles.votingCloses(track.cycleId())), now);
        saveSelections(ballotId, picks);
        db.insert("INSERT INTO pb_receipt (receipt_hash, ballot_id, track_id, issued_at) VALUES (?,?,?,?)", receiptHash, ballotId, trackId, now);
        audit.record(officer, "pb.ballot.booth", "pb_ballot", ballotId, "track=" + trackId + " receipt=" + receiptHash);
        return new Receipt(code, ballotId, 1, false);
    }

    /** B6: issue a paper sheet; refused while an electronic ballot exists; the sheet locks the identity. */
    @Transactional
    public void issuePaper(Actor officer, String officerGu, String voterEmail, LocalDate birthDate, long trackId, String serial, String booth) {
        Track track = cycles.track(trackId);
        cycles.require(track.cycleId(), Capability.BOOTH);
        requireOfficerScope(officerGu, track);
        VerifiedIdentity voter = identityChecked(voterEmail, birthDate);
        ReasonCode reason = eligibility(voter.asPerson(), track);
        if (reason != ReasonCode.ELIGIBLE) {
            throw DomainException.notAllowed("budgeting." + reason.name());
        }
        if (serial == null || !serial.matches("[A-Za-z0-9-]{3,30}")) {
            throw DomainException.invalid("budgeting.serial");
        }
        lockPerson(voter.identityHash());
        refuseIfPaperIssued(trackId, voter.identityHash());
        refuseIfBallot(trackId, voter.identityHash());
        if (db.count("SELECT COUNT(*) FROM pb_paper_issuance WHERE track_id = ? AND sheet_serial = ?", trackId, serial) > 0) {
            throw DomainException.conflict("budgeting.serial-used");
        }
        long id = db.insert("""
                INSERT INTO pb_paper_issuance (track_id, identity_hash, officer_id, sheet_serial, booth, issued_at) VALUES (?,?,?,?,?,?)""",
                trackId, voter.identityHash(), officer.accountId(), serial, booth == null ? "" : booth, clock.instant());
        audit.record(officer, "pb.paper.issue", "pb_paper_issuance", id, "track=" + trackId + " serial=" + serial);
    }

    /**
     * B9: a paper sheet is entered per sheet against its issuance serial, twice by two officers; the
     * ballot exists once both keyings agree, a mismatch is queued. The screen never shows the identity.
     * Returns the ballot id, or 0 while the sheet waits for its second keying.
     */
    @Transactional(noRollbackFor = DomainException.class)
    public long enterPaper(Actor officer, String officerGu, long trackId, String serial, List<BallotPick> picks) {
        Track track = cycles.track(trackId);
        cycles.require(track.cycleId(), Capability.PAPER);
        requireOfficerScope(officerGu, track);
        Optional<Object[]> issuance = db.one("""
                SELECT id, identity_hash, entered_at, first_keying, first_officer FROM pb_paper_issuance
                WHERE track_id = ? AND sheet_serial = ? FOR UPDATE""",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getTimestamp(3), rs.getString(4), rs.getObject(5)}, trackId, serial);
        if (issuance.isEmpty()) {
            throw DomainException.invalid("budgeting.serial-unknown");
        }
        Object[] sheet = issuance.get();
        if (sheet[2] != null) {
            throw DomainException.conflict("budgeting.serial-entered");
        }
        validate(track, picks);
        String keying = picks.stream().map(p -> p.projectId() + ":" + p.points()).sorted().collect(Collectors.joining(","));
        long sheetId = (Long) sheet[0];
        if (sheet[3] == null) {
            db.update("UPDATE pb_paper_issuance SET first_keying = ?, first_officer = ? WHERE id = ?", keying, officer.accountId(), sheetId);
            audit.record(officer, "pb.paper.key1", "pb_paper_issuance", sheetId, "track=" + trackId + " serial=" + serial);
            return 0;
        }
        if (((Number) sheet[4]).longValue() == officer.accountId()) {
            throw DomainException.conflict("budgeting.paper-same-officer");
        }
        if (!keying.equals(sheet[3])) {
            db.update("UPDATE pb_paper_issuance SET mismatch_at = ? WHERE id = ?", clock.instant(), sheetId);
            audit.record(officer, "pb.paper.mismatch", "pb_paper_issuance", sheetId, "track=" + trackId + " serial=" + serial);
            throw DomainException.conflict("budgeting.paper-mismatch");
        }
        String identityHash = (String) sheet[1];
        lockPerson(identityHash);
        refuseIfBallot(trackId, identityHash);
        Instant now = clock.instant();
        VerifiedIdentity voter = db.one("SELECT account_id FROM verification WHERE identity_hash = ?", rs -> rs.getLong(1), identityHash)
                .flatMap(verification::find).orElseThrow();
        long ballotId = db.insert("""
                INSERT INTO pb_ballot (track_id, identity_hash, voter_group, source, status, receipt_hash, gu_code, age_band, submitted_at, version)
                VALUES (?,?,'CITIZEN','PAPER','SUBMITTED',NULL,?,?,?,1)""", trackId, identityHash, voter.homeGu(),
                ageBand(voter.birthDate(), cycles.votingCloses(track.cycleId())), now);
        saveSelections(ballotId, picks);
        db.update("UPDATE pb_paper_issuance SET entered_at = ?, mismatch_at = NULL WHERE id = ?", now, sheetId);
        audit.record(officer, "pb.ballot.paper", "pb_ballot", ballotId, "track=" + trackId + " serial=" + serial);
        return ballotId;
    }

    /** Sheets whose two keyings disagreed, waiting for a third keying (serials only). */
    @Transactional(readOnly = true)
    public List<String> mismatchQueue(long trackId) {
        return db.list("SELECT sheet_serial FROM pb_paper_issuance WHERE track_id = ? AND mismatch_at IS NOT NULL AND entered_at IS NULL ORDER BY sheet_serial",
                rs -> rs.getString(1), trackId);
    }

    @Transactional(readOnly = true)
    public ReceiptStatus receipt(String code) {
        if (!ReceiptCodes.wellFormed(code)) {
            return ReceiptStatus.NOT_FOUND;
        }
        return db.one("SELECT superseded_at IS NULL FROM pb_receipt WHERE receipt_hash = ?", rs -> rs.getBoolean(1), ReceiptCodes.hash(code))
                .map(current -> current ? ReceiptStatus.COUNTED : ReceiptStatus.SUPERSEDED).orElse(ReceiptStatus.NOT_FOUND);
    }

    public record Turnout(long total, Map<String, Long> byGu, Map<String, Long> byAgeBand, Map<String, Long> bySource) {
    }

    @Transactional(readOnly = true)
    public Turnout turnout(long trackId) {
        long total = db.count("SELECT COUNT(*) FROM pb_ballot WHERE track_id = ?", trackId);
        Map<String, Long> byGu = new LinkedHashMap<>();
        db.list("""
                SELECT COALESCE(d.name_ko, '-'), COUNT(*) FROM pb_ballot b LEFT JOIN district d ON d.gu_code = b.gu_code
                WHERE b.track_id = ? GROUP BY b.gu_code, d.name_ko ORDER BY b.gu_code""", rs -> byGu.put(rs.getString(1), rs.getLong(2)), trackId);
        return new Turnout(total, byGu, grouped("age_band", trackId), grouped("source", trackId));
    }

    private Map<String, Long> grouped(String column, long trackId) {
        Map<String, Long> m = new LinkedHashMap<>();
        db.list("SELECT COALESCE(" + column + ", '-'), COUNT(*) FROM pb_ballot WHERE track_id = ? GROUP BY 1 ORDER BY 1",
                rs -> m.put(rs.getString(1), rs.getLong(2)), trackId);
        return m;
    }

    private VerifiedIdentity requireEligible(long accountId, Track track) {
        Person person = verification.personFor(accountId);
        ReasonCode reason = eligibility(person, track);
        if (reason != ReasonCode.ELIGIBLE) {
            throw DomainException.notAllowed("budgeting." + reason.name());
        }
        return verification.find(accountId).orElseThrow();
    }

    private void validate(Track track, List<BallotPick> picks) {
        Map<String, Long> costs = ballotCosts(track.id());
        List<BallotViolation> problems = BallotRules.validate(track.rule(), costs, picks);
        if (!problems.isEmpty()) {
            throw DomainException.invalid("budgeting.ballot." + problems.get(0).name());
        }
    }

    private void lockPerson(String identityHash) {
        db.one("SELECT account_id FROM verification WHERE identity_hash = ? FOR UPDATE", rs -> rs.getLong(1), identityHash)
                .orElseThrow(() -> DomainException.notAllowed("budgeting.NOT_VERIFIED"));
    }

    private void refuseIfPaperIssued(long trackId, String identityHash) {
        if (db.count("SELECT COUNT(*) FROM pb_paper_issuance WHERE track_id = ? AND identity_hash = ?", trackId, identityHash) > 0) {
            throw DomainException.conflict("budgeting.voted-paper");
        }
    }

    private void refuseIfBallot(long trackId, String identityHash) {
        db.one("SELECT source FROM pb_ballot WHERE track_id = ? AND identity_hash = ? FOR UPDATE", rs -> rs.getString(1), trackId, identityHash)
                .ifPresent(source -> {
                    throw DomainException.conflict("budgeting.voted-" + source.toLowerCase());
                });
    }

    private void requireOfficerScope(String officerGu, Track track) {
        if (officerGu != null && track.guCode() != null && !officerGu.equals(track.guCode())) {
            throw DomainException.notAllowed("forbidden");
        }
    }

    private VerifiedIdentity identityChecked(String email, LocalDate birthDate) {
        Optional<Long> account = db.one("SELECT id FROM account WHERE email = ?", rs -> rs.getLong(1), email == null ? "" : email.strip());
        Optional<VerifiedIdentity> v = account.flatMap(verification::find);
        if (v.isEmpty() || birthDate == null || !v.get().birthDate().equals(birthDate)) {
            throw DomainException.invalid("budgeting.identity-check");
        }
        return v.get();
    }

    /** All picks in one multi-row INSERT: one round trip instead of one per pick (10 on a 10-pick ballot). */
    private void saveSelections(long ballotId, List<BallotPick> picks) {
        if (picks.isEmpty()) {
            return;
        }
        Object[] args = new Object[picks.size() * 3];
        for (int i = 0; i < picks.size(); i++) {
            args[3 * i] = ballotId;
            args[3 * i + 1] = Long.parseLong(picks.get(i).projectId());
            args[3 * i + 2] = picks.get(i).points();
        }
        db.update("INSERT INTO pb_ballot_selection (ballot_id, project_id, points) VALUES "
                + String.join(",", java.util.Collections.nCopies(picks.size(), "(?,?,?)")), args);
    }

    /** B10: COMMITTEE for an active committee member, else BUDGET_SCHOOL for a graduate before voting opened, else CITIZEN. */
    private String groupOf(long accountId, boolean committeeMember, Track track) {
        if (committeeMember || db.count("SELECT COUNT(*) FROM role_grant WHERE account_id = ? AND role = 'PANEL_MEMBER' AND valid_to IS NULL", accountId) > 0) {
            return "COMMITTEE";
        }
        LocalDate opens = cycles.phase(track.cycleId(), PhaseKind.VOTING).map(Models.Phase::startsOn).orElse(cycles.today());
        if (db.count("SELECT COUNT(*) FROM pb_budget_school WHERE account_id = ? AND completed_at < ?", accountId,
                opens.atStartOfDay(kr.hamkke.shared.ClockFactory.SEOUL).toInstant()) > 0) {
            return "BUDGET_SCHOOL";
        }
        return "CITIZEN";
    }

    public static String ageBand(LocalDate birth, LocalDate on) {
        int age = java.time.Period.between(birth, on).getYears();
        if (age < 20) {
            return "14-19";
        }
        if (age >= 60) {
            return "60+";
        }
        return (age / 10 * 10) + "s";
    }
}
