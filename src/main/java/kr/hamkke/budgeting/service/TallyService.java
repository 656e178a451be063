package kr.hamkke.budgeting.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.budgeting.service.Models.Cycle;
import kr.hamkke.budgeting.service.Models.Project;
import kr.hamkke.budgeting.service.Models.Track;
import kr.hamkke.budgeting.tally.ChannelBallot;
import kr.hamkke.budgeting.tally.ChannelGroup;
import kr.hamkke.budgeting.tally.ChannelWeighting;
import kr.hamkke.budgeting.tally.ChannelWeights;
import kr.hamkke.budgeting.tally.Completions;
import kr.hamkke.budgeting.tally.EqualShares;
import kr.hamkke.budgeting.tally.Explanations;
import kr.hamkke.budgeting.tally.Greedy;
import kr.hamkke.budgeting.tally.GreedyResult;
import kr.hamkke.budgeting.tally.GreedyStatus;
import kr.hamkke.budgeting.tally.GreedyStep;
import kr.hamkke.budgeting.tally.MesResult;
import kr.hamkke.budgeting.tally.PabulibParser;
import kr.hamkke.budgeting.tally.PbBallot;
import kr.hamkke.budgeting.tally.PbElection;
import kr.hamkke.budgeting.tally.PbProject;
import kr.hamkke.budgeting.tally.Satisfaction;
import kr.hamkke.budgeting.tally.TallyInstance;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.Hashing;
import kr.hamkke.shared.Rational;

/**
 * Runs the counting core per track (B11 channel weights, B12 GREEDY or MES + greedy completion),
 * keeps every run, applies exclusions with public reasons (B14), publishes, records the 한마당 총회
 * (B15), and moves a track's anonymised ballots in and out as Pabulib files.
 */
@Singleton
public class TallyService {

    public record Line(long projectId, String code, String title, long costWon, long votesCitizen, long votesCommittee,
                       long votesSchool, String scoreExact, String scorePercent, int rank, boolean funded, boolean excluded,
                       String explanation) {
        public long votes() {
            return votesCitizen + votesCommittee + votesSchool;
        }
    }

    public record Exclusion(long projectId, String title, String publicReason) {
    }

    public record Result(long tallyId, int runNo, String method, String weights, String counts, String inputsHash,
                         long envelopeWon, long spentWon, Instant computedAt, Instant publishedAt, List<Line> lines,
                         List<Exclusion> exclusions) {
        public long leftoverWon() {
            return envelopeWon - spentWon;
        }

        public List<Line> winners() {
            return lines.stream().filter(Line::funded).toList();
        }
    }

    private final Db db;
    private final AuditLog audit;
    private final CycleService cycles;
    private final ProjectService projects;
    private final Clock clock;

    TallyService(Db db, AuditLog audit, CycleService cycles, ProjectService projects, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.cycles = cycles;
        this.projects = projects;
        this.clock = clock;
    }

    static ChannelWeights weightsOf(Cycle c) {
        return new ChannelWeights(Map.of(ChannelGroup.CITIZEN, Rational.of(c.weightCitizen(), 100),
                ChannelGroup.COMMITTEE, Rational.of(c.weightCommittee(), 100),
                ChannelGroup.BUDGET_SCHOOL, Rational.of(c.weightSchool(), 100)));
    }

    private record Counted(List<Project> projects, List<ChannelBallot> ballots) {
    }

    private Counted load(Track track) {
        List<Long> excluded = db.list("SELECT project_id FROM pb_tally_exclusion WHERE track_id = ?", rs -> rs.getLong(1), track.id());
        List<Project> ballotProjects = projects.ofTrack(track.id()).stream()
                .filter(p -> "ON_BALLOT".equals(p.status()) && !excluded.contains(p.id())).toList();
        Map<Long, String> codeOf = new HashMap<>();
        ballotProjects.forEach(p -> codeOf.put(p.id(), p.code()));
        Map<Long, Object[]> ballots = new LinkedHashMap<>();
        db.list("""
                SELECT b.id, b.voter_group, s.project_id, s.points FROM pb_ballot b
                LEFT JOIN pb_ballot_selection s ON s.ballot_id = b.id
                WHERE b.track_id = ? AND b.status = 'SUBMITTED' ORDER BY b.id, s.project_id""", rs -> {
            Object[] b = ballots.computeIfAbsent(rs.getLong(1), id -> {
                try {
                    return new Object[] {ChannelGroup.valueOf(rs.getString(2)), new ArrayList<String>(), new ArrayList<Long>()};
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            long pid = rs.getLong(3);
            if (!rs.wasNull() && codeOf.containsKey(pid)) {
                @SuppressWarnings("unchecked") List<String> ids = (List<String>) b[1];
                @SuppressWarnings("unchecked") List<Long> pts = (List<Long>) b[2];
                ids.add(codeOf.get(pid));
                pts.add(rs.getLong(4));
            }
            return null;
        }, track.id());
        List<ChannelBallot> counted = new ArrayList<>();
        for (Object[] b : ballots.values()) {
            @SuppressWarnings("unchecked") List<String> ids = (List<String>) b[1];
            @SuppressWarnings("unchecked") List<Long> pts = (List<Long>) b[2];
            counted.add(new ChannelBallot((ChannelGroup) b[0], ids, "CUMULATIVE".equals(track.ballotRule()) ? pts : List.of()));
        }
        return new Counted(ballotProjects, counted);
    }

    /** Counts a track (budget staff, TALLY phase; a read-only recount track at any time). */
    @Transactional
    public long run(Actor actor, long trackId) {
        return run(actor, trackId, false);
    }

    /** {@code historic}: loading a past cycle's results (demo data, imports), outside its phase. */
    long run(Actor actor, long trackId, boolean historic) {
        Track track = cycles.track(trackId);
        if (!track.readOnly() && !historic) {
            cycles.require(track.cycleId(), Capability.TALLY);
        }
        if (published(trackId).isPresent()) {
            throw DomainException.conflict("budgeting.tally-published");
        }
        Cycle cycle = cycles.cycle(track.cycleId());
        Counted in = load(track);
        ChannelWeighting weighting = new ChannelWeighting(weightsOf(cycle), in.ballots());
        List<String> ids = in.projects().stream().map(Project::code).toList();
        List<Rational> costs = in.projects().stream().map(p -> Rational.of(p.costWon())).toList();
        long pointsPerBallot = "CUMULATIVE".equals(track.ballotRule()) ? Math.max(1, track.ruleParam()) : 1;
        List<ChannelWeighting.WeightedScore> scores = weighting.scores(ids, in.ballots(), pointsPerBallot);
        TallyInstance instance = weighting.instance(ids, costs, Rational.of(track.envelopeWon()), in.ballots());
        Satisfaction satisfaction = "CUMULATIVE".equals(track.ballotRule()) ? Satisfaction.POINTS : Satisfaction.COST;

        List<String> selected;
        Map<String, String> explanations = new HashMap<>();
        String method;
        if ("MES".equals(track.allocation())) {
            method = "MES+GREEDY";
            MesResult mes = EqualShares.run(instance, satisfaction);
            GreedyResult completion = Completions.greedy(instance, mes);
            selected = completion.selected();
            Map<String, String> mesText = Explanations.of(mes);
            Map<String, String> greedyText = Explanations.of(completion);
            for (GreedyStep step : completion.steps()) {
                String id = step.projectId();
                if (mes.selected().contains(id)) {
                    explanations.put(id, mesText.get(id));
                } else if (step.status() == GreedyStatus.SELECTED) {
                    explanations.put(id, "MES 후 남은 예산으로 추가 선정: " + greedyText.get(id));
                } else {
                    explanations.put(id, mesText.getOrDefault(id, greedyText.get(id)));
                }
            }
        } else {
            method = "GREEDY";
            GreedyResult greedy = Greedy.run(instance, satisfaction);
            selected = greedy.selected();
            explanations.putAll(Explanations.of(greedy));
        }
        Map<String, ChannelWeighting.WeightedScore> scoreOf = new HashMap<>();
        scores.forEach(s -> scoreOf.put(s.projectId(), s));
        List<Project> ranked = new ArrayList<>(in.projects());
        ranked.sort(Comparator.<Project, Rational>comparing(p -> scoreOf.get(p.code()).score()).reversed()
                .thenComparing(Project::code));
        long spent = in.projects().stream().filter(p -> selected.contains(p.code())).mapToLong(Project::costWon).sum();
        int runNo = (int) db.count("SELECT COALESCE(MAX(run_no), 0) FROM pb_tally WHERE track_id = ?", trackId) + 1;
        String weights = cycle.weightCitizen() + "/" + cycle.weightCommittee() + "/" + cycle.weightSchool();
        String counts = weighting.count(ChannelGroup.CITIZEN) + "/" + weighting.count(ChannelGroup.COMMITTEE) + "/"
                + weighting.count(ChannelGroup.BUDGET_SCHOOL);
        String inputsHash = Hashing.sha256Hex(inputsText(ids, costs, in.ballots()));
        long tallyId = db.insert("""
                INSERT INTO pb_tally (track_id, run_no, method, weights, counts, inputs_hash, envelope_won, spent_won, computed_at)
                VALUES (?,?,?,?,?,?,?,?,?)""", trackId, runNo, method, weights, counts, inputsHash, track.envelopeWon(), spent, clock.instant());
        int rank = 0;
        for (Project p : ranked) {
            rank++;
            ChannelWeighting.WeightedScore s = scoreOf.get(p.code());
            String text = explanations.getOrDefault(p.code(), Explanations.unsupported(Rational.of(p.costWon())));
            db.update("""
                    INSERT INTO pb_tally_line (tally_id, project_id, votes_citizen, votes_committee, votes_school, score_exact,
                      score_percent, rank_no, funded, excluded, explanation) VALUES (?,?,?,?,?,?,?,?,?,FALSE,?)""",
                    tallyId, p.id(), s.approvalsByGroup().get(ChannelGroup.CITIZEN), s.approvalsByGroup().get(ChannelGroup.COMMITTEE),
                    s.approvalsByGroup().get(ChannelGroup.BUDGET_SCHOOL), s.score().toString(), s.percent(2), rank,
                    selected.contains(p.code()), text.length() > 400 ? text.substring(0, 400) : text);
        }
        audit.record(actor, "pb.tally.run", "pb_track", trackId, "run=" + runNo + " method=" + method + " weights=" + weights
                + " n=" + counts + " inputs=" + inputsHash + " selected=" + selected.size());
        return tallyId;
    }

    private static String inputsText(List<String> ids, List<Rational> costs, List<ChannelBallot> ballots) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            sb.append(ids.get(i)).append(';').append(costs.get(i)).append('\n');
        }
        for (ChannelBallot b : ballots) {
            sb.append(b.group()).append(';').append(String.join(",", b.projectIds())).append('\n');
        }
        return sb.toString();
    }

    /** B14: exclude a project before publication with a public reason; the rule re-runs. */
    @Transactional
    public void exclude(Actor actor, long trackId, long projectId, String publicReason) {
        Track track = cycles.track(trackId);
        ProjectService.requireReason("EXCLUDED", publicReason);
        Project p = projects.find(projectId);
        if (p.trackId() != trackId || !"ON_BALLOT".equals(p.status())) {
            throw DomainException.invalid("budgeting.project-not-on-ballot");
        }
        if (published(trackId).isPresent()) {
            throw DomainException.conflict("budgeting.tally-published");
        }
        if (db.count("SELECT COUNT(*) FROM pb_tally_exclusion WHERE track_id = ? AND project_id = ?", trackId, projectId) > 0) {
            throw DomainException.conflict("budgeting.already-excluded");
        }
        db.insert("INSERT INTO pb_tally_exclusion (track_id, project_id, public_reason, excluded_by, excluded_at) VALUES (?,?,?,?,?)",
                trackId, projectId, publicReason.strip(), actor.accountId(), clock.instant());
        projects.event(projectId, actor, "exclude", p.status(), p.status(), "EXCLUDED", publicReason);
        audit.record(actor, "pb.tally.exclude", "pb_project", projectId, "track=" + track.id(), publicReason.strip());
        run(actor, trackId);
    }

    /** Publishes the latest run: ON_BALLOT projects become SELECTED or NOT_SELECTED. */
    @Transactional
    public void publish(Actor actor, long trackId) {
        publish(actor, trackId, false);
    }

    void publish(Actor actor, long trackId, boolean historic) {
        Track track = cycles.track(trackId);
        if (!track.readOnly() && !historic) {
            cycles.require(track.cycleId(), Capability.TALLY);
        }
        if (published(trackId).isPresent()) {
            throw DomainException.conflict("budgeting.tally-published");
        }
        Result latest = latest(trackId).orElseThrow(() -> DomainException.conflict("budgeting.tally-missing"));
        db.update("UPDATE pb_tally SET published_at = ? WHERE id = ?", clock.instant(), latest.tallyId());
        if (!track.readOnly()) {
            for (Line line : latest.lines()) {
                Project p = projects.find(line.projectId());
                projects.transition(actor, p, line.funded() ? "SELECTED" : "NOT_SELECTED", "tally",
                        line.funded() ? null : "NOT_SELECTED", line.explanation());
            }
            for (Exclusion e : latest.exclusions()) {
                Project p = projects.find(e.projectId());
                projects.transition(actor, p, "NOT_SELECTED", "tally", "EXCLUDED", e.publicReason());
            }
        }
        audit.record(actor, "pb.tally.publish", "pb_track", trackId, "run=" + latest.runNo() + " spent=" + latest.spentWon());
    }

    @Transactional(readOnly = true)
    public Optional<Result> published(long trackId) {
        return publishedTallyId(trackId).map(this::result);
    }

    /** The id of the published run only (one indexed query): the key of the cached results page. */
    @Transactional(readOnly = true)
    public Optional<Long> publishedTallyId(long trackId) {
        return db.one("SELECT id FROM pb_tally WHERE track_id = ? AND published_at IS NOT NULL ORDER BY run_no DESC LIMIT 1",
                rs -> rs.getLong(1), trackId);
    }

    @Transactional(readOnly = true)
    public Optional<Result> latest(long trackId) {
        return db.one("SELECT id FROM pb_tally WHERE track_id = ? ORDER BY run_no DESC LIMIT 1", rs -> rs.getLong(1), trackId)
                .map(this::result);
    }

    private Result result(long tallyId) {
        List<Line> lines = db.list("""
                SELECT l.project_id, p.code, p.title, COALESCE(p.adjusted_cost_won, p.requested_cost_won), l.votes_citizen,
                  l.votes_committee, l.votes_school, l.score_exact, l.score_percent, l.rank_no, l.funded, l.excluded, l.explanation
                FROM pb_tally_line l JOIN pb_project p ON p.id = l.project_id WHERE l.tally_id = ? ORDER BY l.rank_no""",
                rs -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getBoolean(11), rs.getBoolean(12),
                        rs.getString(13)), tallyId);
        return db.one("""
                SELECT id, run_no, method, weights, counts, inputs_hash, envelope_won, spent_won, computed_at, published_at, track_id
                FROM pb_tally WHERE id = ?""", rs -> {
            java.sql.Timestamp pub = rs.getTimestamp(10);
            long trackId = rs.getLong(11);
            return new Result(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getLong(7), rs.getLong(8), rs.getTimestamp(9).toInstant(), pub == null ? null : pub.toInstant(), lines,
                    exclusions(trackId));
        }, tallyId).orElseThrow();
    }

    private List<Exclusion> exclusions(long trackId) {
        return db.list("""
                SELECT e.project_id, p.title, e.public_reason FROM pb_tally_exclusion e JOIN pb_project p ON p.id = e.project_id
                WHERE e.track_id = ? ORDER BY e.id""", rs -> new Exclusion(rs.getLong(1), rs.getString(2), rs.getString(3)), trackId);
    }

    /** B15: the 한마당 총회 approves the published list as a whole; SELECTED projects become ADOPTED. */
    @Transactional
    public int recordAssembly(Actor actor, long cycleId, LocalDate heldOn, int attendees, int yes, int no, int abstain) {
        return recordAssembly(actor, cycleId, heldOn, attendees, yes, no, abstain, false);
    }

    int recordAssembly(Actor actor, long cycleId, LocalDate heldOn, int attendees, int yes, int no, int abstain, boolean historic) {
        if (!historic) {
            cycles.require(cycleId, Capability.ASSEMBLY);
        }
        if (attendees <= 0 || yes < 0 || no < 0 || abstain < 0 || yes + no + abstain > attendees) {
            throw DomainException.invalid("budgeting.assembly-invalid");
        }
        if (db.count("SELECT COUNT(*) FROM pb_assembly_decision WHERE cycle_id = ?", cycleId) > 0) {
            throw DomainException.conflict("budgeting.assembly-recorded");
        }
        boolean approved = yes > no;
        long id = db.insert("""
                INSERT INTO pb_assembly_decision (cycle_id, held_on, attendees, yes_votes, no_votes, abstentions, decision, recorded_by, recorded_at)
                VALUES (?,?,?,?,?,?,?,?,?)""", cycleId, heldOn, attendees, yes, no, abstain, approved ? "APPROVED" : "REJECTED",
                actor.accountId(), clock.instant());
        int adopted = 0;
        if (approved) {
            for (Project p : projects.ofCycleWithStatus(cycleId, "SELECTED")) {
                projects.transition(actor, p, "ADOPTED", "assembly", null, "한마당 총회 승인 (" + heldOn + ")");
                adopted++;
            }
        }
        audit.record(actor, "pb.assembly.record", "pb_assembly_decision", id,
                "yes=" + yes + " no=" + no + " abstain=" + abstain + " adopted=" + adopted);
        return adopted;
    }

    @Transactional(readOnly = true)
    public Optional<String> assembly(long cycleId) {
        return db.one("SELECT CONCAT(held_on, ' · ', decision, ' · 찬성 ', yes_votes, ' / 반대 ', no_votes, ' / 기권 ', abstentions) "
                + "FROM pb_assembly_decision WHERE cycle_id = ?", rs -> rs.getString(1), cycleId);
    }

    /**
     * The track's counted ballots as a Pabulib file: random voter ids in random order, a voter_group
     * column for the channel weights, project ids = project codes (the tie-break key).
     */
    @Transactional(readOnly = true)
    public String exportPabulib(long trackId) {
        Track track = cycles.track(trackId);
        Cycle cycle = cycles.cycle(track.cycleId());
        Counted in = load(track);
        List<ChannelBallot> ballots = new ArrayList<>(in.ballots());
        SecureRandom random = new SecureRandom();
        Collections.shuffle(ballots, random);
        StringBuilder sb = new StringBuilder();
        sb.append("META\nkey;value\n");
        sb.append("description;").append(clean(cycle.name())).append(" / ").append(clean(track.nameKo())).append('\n');
        sb.append("country;Korea\nunit;Seoul\n");
        sb.append("instance;").append(cycle.fiscalYear()).append('\n');
        sb.append("num_projects;").append(in.projects().size()).append('\n');
        sb.append("num_votes;").append(ballots.size()).append('\n');
        sb.append("budget;").append(track.envelopeWon()).append('\n');
        boolean cumulative = "CUMULATIVE".equals(track.ballotRule());
        sb.append("vote_type;").append(cumulative ? "cumulative" : "approval").append('\n');
        sb.append("rule;").append("MES".equals(track.allocation()) ? "equalshares" : "greedy").append('\n');
        sb.append("allocation;").append(track.allocation()).append('\n');
        sb.append("ballot_rule;").append(track.ballotRule()).append('\n');
        sb.append("max_length;").append(track.maxPicks()).append('\n');
        if (cumulative) {
            sb.append("max_sum_points;").append(track.ruleParam()).append('\n');
        }
        sb.append("channel_weights;").append(cycle.weightCitizen()).append('/').append(cycle.weightCommittee()).append('/')
                .append(cycle.weightSchool()).append('\n');
        sb.append("PROJECTS\nproject_id;cost;name\n");
        for (Project p : in.projects()) {
            sb.append(p.code()).append(';').append(p.costWon()).append(';').append(clean(p.title())).append('\n');
        }
        sb.append("VOTES\nvoter_id;vote").append(cumulative ? ";points" : "").append(";voter_group\n");
        java.util.Set<String> used = new java.util.HashSet<>();
        for (ChannelBallot b : ballots) {
            String voterId;
            do {
                voterId = Long.toString(Math.abs(random.nextLong()) % 2_000_000_000L + 1);
            } while (!used.add(voterId));
            sb.append(voterId).append(';').append(String.join(",", b.projectIds()));
            if (cumulative) {
                sb.append(';').append(String.join(",", b.points().stream().map(String::valueOf).toList()));
            }
            sb.append(';').append(b.group()).append('\n');
        }
        return sb.toString();
    }

    private static String clean(String s) {
        return s.replace(';', ',').replace('\n', ' ').replace('\r', ' ');
    }

    /** Imports a .pb file into a new read-only recount track (its own RECOUNT cycle), ready to count. */
    @Transactional
    public long importPabulib(Actor actor, String text) {
        PbElection election;
        try {
            election = PabulibParser.parse(text);
        } catch (RuntimeException e) {
            throw DomainException.invalid("budgeting.pabulib-invalid");
        }
        if (!election.budget().isInteger() || election.projects().isEmpty()) {
            throw DomainException.invalid("budgeting.pabulib-invalid");
        }
        Map<String, String> groups = voterGroups(text);
        String[] w = election.meta().getOrDefault("channel_weights", "100/0/0").split("/");
        String allocation = "MES".equalsIgnoreCase(election.meta().get("allocation"))
                || "equalshares".equalsIgnoreCase(election.meta().get("rule")) ? "MES" : "GREEDY";
        Instant now = clock.instant();
        int year = LocalDate.now(clock).getYear();
        long cycleId = db.insert("""
                INSERT INTO pb_cycle (name, fiscal_year, template, weight_citizen, weight_committee, weight_school, created_at)
                VALUES (?,?,'RECOUNT',?,?,?,?)""", "재검표: " + election.meta().getOrDefault("description", "Pabulib"), year,
                Integer.parseInt(w[0].strip()), Integer.parseInt(w[1].strip()), Integer.parseInt(w[2].strip()), now);
        String ballotRule = election.meta().getOrDefault("ballot_rule", "APPROVAL");
        int maxPicks = election.maxLength().orElse(election.projects().size());
        long trackId = db.insert("""
                INSERT INTO pb_track (cycle_id, code, name_ko, name_en, scope, envelope_won, ballot_rule, max_picks, rule_param,
                  allocation, source, read_only) VALUES (?,?,?,?,'CITY',?,?,?,?,?,'OPEN_CALL',TRUE)""",
                cycleId, "RECOUNT", "재검표 트랙", "Recount track", election.budget().numerator().longValueExact(),
                ballotRule, maxPicks, election.intMeta("max_sum_points").orElse(0), allocation);
        Map<String, Long> idOf = new HashMap<>();
        for (PbProject p : election.projects()) {
            if (!p.cost().isInteger() || p.cost().signum() <= 0) {
                throw DomainException.invalid("budgeting.pabulib-invalid");
            }
            long id = db.insert("""
                    INSERT INTO pb_project (code, cycle_id, track_id, title, description, category, requested_cost_won, status, created_at, updated_at)
                    VALUES (?,?,?,?,?,'RECOUNT',?,'ON_BALLOT',?,?)""", "R" + trackId + "-" + p.id(), cycleId, trackId,
                    p.name() == null || p.name().isBlank() ? p.id() : p.name(), "Pabulib 가져오기", p.cost().numerator().longValueExact(), now, now);
            idOf.put(p.id(), id);
        }
        List<Object[]> selections = new ArrayList<>();
        for (PbBallot b : election.ballots()) {
            String group = groups.getOrDefault(b.voterId(), "CITIZEN");
            long ballotId = db.insert("""
                    INSERT INTO pb_ballot (track_id, identity_hash, voter_group, source, status, submitted_at, version)
                    VALUES (?,?,?,'ONLINE','SUBMITTED',?,1)""", trackId, Hashing.sha256Hex("recount|" + trackId + "|" + b.voterId()),
                    ChannelGroup.valueOf(group).name(), now);
            for (int k = 0; k < b.projectIds().size(); k++) {
                Long pid = idOf.get(b.projectIds().get(k));
                if (pid == null) {
                    throw DomainException.invalid("budgeting.pabulib-invalid");
                }
                selections.add(new Object[] {ballotId, pid, b.hasPoints() ? b.points().get(k) : 1L});
            }
        }
        db.batch("INSERT INTO pb_ballot_selection (ballot_id, project_id, points) VALUES (?,?,?)", selections);
        audit.record(actor, "pb.pabulib.import", "pb_track", trackId, "projects=" + election.projects().size()
                + " ballots=" + election.ballots().size() + " sha256=" + Hashing.sha256Hex(text));
        return trackId;
    }

    private static Map<String, String> voterGroups(String text) {
        Map<String, String> groups = new HashMap<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n");
        int i = 0;
        while (i < lines.length && !lines[i].strip().equalsIgnoreCase("VOTES")) {
            i++;
        }
        if (i + 1 >= lines.length) {
            return groups;
        }
        List<String> header = List.of(lines[i + 1].strip().split(";", -1));
        int idCol = header.indexOf("voter_id");
        int groupCol = header.indexOf("voter_group");
        if (idCol < 0 || groupCol < 0) {
            return groups;
        }
        for (int k = i + 2; k < lines.length; k++) {
            String[] cells = lines[k].split(";", -1);
            if (cells.length > Math.max(idCol, groupCol)) {
                String g = cells[groupCol].strip();
                if (List.of("CITIZEN", "COMMITTEE", "BUDGET_SCHOOL").contains(g)) {
                    groups.put(cells[idCol].strip(), g);
                }
            }
        }
        return groups;
    }

    /** Selected project codes of the latest run, in rank order (tests and recount comparison). */
    @Transactional(readOnly = true)
    public List<String> selectedCodes(long trackId) {
        return latest(trackId).map(r -> r.winners().stream().map(Line::code).toList()).orElse(List.of());
    }

    static Map<ChannelGroup, Long> emptyCounts() {
        Map<ChannelGroup, Long> m = new EnumMap<>(ChannelGroup.class);
        for (ChannelGroup g : ChannelGroup.values()) {
            m.put(g, 0L);
        }
        return m;
    }
}
