package kr.hamkke.budgeting.tally;

import java.util.Map;
import kr.hamkke.shared.Rational;

/** A project row of a Pabulib file; {@code fields} keeps every column as text (name, votes, selected, …). */
public record PbProject(String id, Rational cost, Map<String, String> fields) {
    public PbProject {
        fields = Map.copyOf(fields);
    }

    public String name() {
        return fields.getOrDefault("name", id);
    }
}
