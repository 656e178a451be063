package kr.hamkke.assembly.sortition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replacement of a DECLINED, WITHDRAWN or DISMISSED member (DOMAIN §6.2): the top-ranked reserve with the same
 * age band and gender, preferring the same 자치구; else any reserve; in every case one who breaks no maximum of
 * the quota table when added to the remaining members.
 */
public final class Replacement {

    public enum Match { SAME_STRATUM, SAME_AGE_BAND_AND_GENDER, ANY_WITHIN_MAXIMA }

    public record Choice(Applicant reserve, int reserveRank, Match match) {
    }

    private Replacement() {
    }

    /**
     * @param draw           the published draw (reserves in rank order, rank 1 first)
     * @param memberCodes    codes of the members still holding a seat, without the freed one
     * @param freedCode      code of the member whose seat freed up
     * @param usedReserves   codes of reserves no longer available (already promoted or declined)
     */
    public static Optional<Choice> pick(DrawResult draw, Set<String> memberCodes, String freedCode, Set<String> usedReserves) {
        Map<String, Applicant> byCode = new HashMap<>();
        draw.selected().forEach(a -> byCode.put(a.code(), a));
        draw.reserves().forEach(a -> byCode.put(a.code(), a));
        Applicant freed = byCode.get(freedCode);
        if (freed == null) {
            throw new IllegalArgumentException("applicant " + freedCode + " is neither a member nor a reserve of this draw");
        }
        List<Applicant> members = memberCodes.stream().map(c -> {
            Applicant a = byCode.get(c);
            if (a == null) {
                throw new IllegalArgumentException("member " + c + " is not part of this draw");
            }
            return a;
        }).toList();
        List<Applicant> reserves = draw.reserves().stream()
                .filter(a -> !usedReserves.contains(a.code()) && !memberCodes.contains(a.code())).toList();
        return pick(draw.quotas(), members, freed, reserves, draw.reserves());
    }

    /** Core rule; {@code available} in reserve-rank order, {@code allReserves} gives the published rank. */
    static Optional<Choice> pick(QuotaTable quotas, List<Applicant> members, Applicant freed,
            List<Applicant> available, List<Applicant> allReserves) {
        Map<String, Integer> counts = new HashMap<>();
        for (Applicant m : members) {
            for (Quota q : quotas.rows()) {
                if (m.belongsTo(q.dimension(), q.category())) {
                    counts.merge(q.label(), 1, Integer::sum);
                }
            }
        }
        for (Match match : Match.values()) {
            for (Applicant r : available) {
                if (matches(match, freed, r) && breaksNoMaximum(quotas, counts, r)) {
                    return Optional.of(new Choice(r, allReserves.indexOf(r) + 1, match));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(Match match, Applicant freed, Applicant r) {
        boolean ageGender = freed.ageBand().equals(r.ageBand()) && freed.gender().equals(r.gender());
        return switch (match) {
            case SAME_STRATUM -> ageGender && freed.guCode().equals(r.guCode());
            case SAME_AGE_BAND_AND_GENDER -> ageGender;
            case ANY_WITHIN_MAXIMA -> true;
        };
    }

    private static boolean breaksNoMaximum(QuotaTable quotas, Map<String, Integer> counts, Applicant r) {
        for (Quota q : quotas.rows()) {
            if (q.hasMax() && r.belongsTo(q.dimension(), q.category())
                    && counts.getOrDefault(q.label(), 0) + 1 > q.max()) {
                return false;
            }
        }
        return true;
    }
}
