package kr.hamkke.assembly.sortition;

import java.util.List;

/**
 * The outcome of one draw. {@code selected} and {@code reserves} are in draw (HMAC rank) order; the reserve
 * rank used for replacements is the position in {@code reserves}. {@code panelMethod} says whether the greedy
 * walk met every quota (GREEDY), the repair search had to change it (REPAIRED), or quotas stayed unmet
 * (UNSATISFIED, see shortfalls).
 */
public record DrawResult(
        String algorithmVersion,
        String poolHash,
        String quotaHash,
        String seedHex,
        QuotaTable quotas,
        List<Applicant> selected,
        List<Applicant> reserves,
        String panelMethod,
        String reserveMethod,
        List<Shortfall> shortfalls) {

    public DrawResult {
        selected = List.copyOf(selected);
        reserves = List.copyOf(reserves);
        shortfalls = List.copyOf(shortfalls);
    }

    public List<String> selectedCodes() {
        return selected.stream().map(Applicant::code).toList();
    }

    public List<String> reserveCodes() {
        return reserves.stream().map(Applicant::code).toList();
    }
}
