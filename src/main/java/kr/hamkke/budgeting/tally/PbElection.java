package kr.hamkke.budgeting.tally;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.hamkke.shared.Rational;

/** A parsed Pabulib election: META key/values, projects in file order, ballots in file order. */
public record PbElection(Map<String, String> meta, Rational budget, VoteType voteType,
                         List<PbProject> projects, List<PbBallot> ballots) {
    public PbElection {
        meta = Map.copyOf(meta);
        projects = List.copyOf(projects);
        ballots = List.copyOf(ballots);
    }

    public Optional<Integer> maxLength() {
        return intMeta("max_length");
    }

    public Optional<Integer> intMeta(String key) {
        String value = meta.get(key);
        if (value == null || value.isBlank()) return Optional.empty();
        return Optional.of(Rational.parse(value).roundHalfUp().intValueExact());
    }
}
