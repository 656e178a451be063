package kr.hamkke.budgeting.tally;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.hamkke.shared.Rational;

/** Reads Pabulib {@code .pb} files (format in PB-RULES.md). Vote counts in the file are ignored. */
public final class PabulibParser {

    private enum Section { NONE, META, PROJECTS, VOTES }

    private PabulibParser() {
    }

    public static PbElection parse(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static PbElection parse(String text) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        Map<String, String> meta = new LinkedHashMap<>();
        List<PbProject> projects = new ArrayList<>();
        List<List<String>> voteRows = new ArrayList<>();
        List<String> voteHeader = null;
        List<String> projectHeader = null;
        Section section = Section.NONE;
        boolean expectHeader = false;
        for (List<String> record : SemicolonCsv.records(text)) {
            Section title = sectionTitle(record);
            if (title != null) {
                section = title;
                expectHeader = true;
                continue;
            }
            if (expectHeader) {
                expectHeader = false;
                List<String> header = record.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
                if (section == Section.PROJECTS) projectHeader = header;
                if (section == Section.VOTES) voteHeader = header;
                continue;
            }
            switch (section) {
                case META -> meta.put(record.get(0).strip().toLowerCase(Locale.ROOT), record.size() > 1 ? record.get(1).strip() : "");
                case PROJECTS -> projects.add(project(projectHeader, record));
                case VOTES -> voteRows.add(record);
                case NONE -> throw new PabulibFormatException("data before the META section: " + record);
            }
        }
        if (!meta.containsKey("budget")) throw new PabulibFormatException("META has no budget");
        if (projectHeader == null) throw new PabulibFormatException("no PROJECTS section");
        VoteType voteType = VoteType.fromPabulib(meta.getOrDefault("vote_type", "approval"));
        Rational budget = number(meta.get("budget"), "budget");
        Map<String, PbProject> byId = new HashMap<>();
        for (PbProject p : projects) {
            if (byId.put(p.id(), p) != null) throw new PabulibFormatException("duplicate project id " + p.id());
        }
        List<PbBallot> ballots = new ArrayList<>(voteRows.size());
        if (!voteRows.isEmpty() && voteHeader == null) throw new PabulibFormatException("no VOTES header");
        for (List<String> row : voteRows) ballots.add(ballot(voteHeader, row, byId));
        return new PbElection(meta, budget, voteType, projects, ballots);
    }

    private static Section sectionTitle(List<String> record) {
        if (record.size() > 1 && !record.subList(1, record.size()).stream().allMatch(String::isBlank)) return null;
        return switch (record.get(0).strip().toUpperCase(Locale.ROOT)) {
            case "META" -> Section.META;
            case "PROJECTS" -> Section.PROJECTS;
            case "VOTES" -> Section.VOTES;
            default -> null;
        };
    }

    private static PbProject project(List<String> header, List<String> row) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < row.size(); i++) fields.put(header.get(i), row.get(i));
        String id = fields.get("project_id");
        if (id == null || id.isBlank()) throw new PabulibFormatException("project row without project_id: " + row);
        String cost = fields.get("cost");
        if (cost == null || cost.isBlank()) throw new PabulibFormatException("project " + id + " has no cost");
        return new PbProject(id.strip(), number(cost, "cost of project " + id), fields);
    }

    /**
     * A project listed twice is counted once; on points ballots its points are added up, because
     * real files spread one voter's points that way (Częstochowa 2020, voter 13026: "579,579,579,579").
     */
    private static PbBallot ballot(List<String> header, List<String> row, Map<String, PbProject> projects) {
        String voterId = column(header, row, "voter_id");
        List<String> listed = splitList(column(header, row, "vote"));
        String pointsText = column(header, row, "points");
        List<String> pointTexts = pointsText == null ? List.of() : splitList(pointsText);
        if (!pointTexts.isEmpty() && pointTexts.size() != listed.size()) {
            throw new PabulibFormatException("voter " + voterId + ": " + listed.size() + " projects but " + pointTexts.size() + " points");
        }
        Map<String, Long> merged = new LinkedHashMap<>();
        for (int i = 0; i < listed.size(); i++) {
            String id = listed.get(i);
            if (!projects.containsKey(id)) throw new PabulibFormatException("voter " + voterId + " voted for unknown project " + id);
            long points = pointTexts.isEmpty() ? 0 : number(pointTexts.get(i), "points of voter " + voterId).roundHalfUp().longValueExact();
            merged.merge(id, points, Long::sum);
        }
        List<Long> points = pointTexts.isEmpty() ? List.of() : new ArrayList<>(merged.values());
        return new PbBallot(voterId == null ? "" : voterId, new ArrayList<>(merged.keySet()), points);
    }

    private static String column(List<String> header, List<String> row, String name) {
        int index = header.indexOf(name);
        return index >= 0 && index < row.size() ? row.get(index) : null;
    }

    private static List<String> splitList(String text) {
        List<String> items = new ArrayList<>();
        if (text == null) return items;
        for (String part : text.split(",")) {
            String item = part.strip();
            if (!item.isEmpty()) items.add(item);
        }
        return items;
    }

    private static Rational number(String text, String what) {
        try {
            return Rational.parse(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new PabulibFormatException("not a number for " + what + ": '" + text + "'");
        }
    }
}
