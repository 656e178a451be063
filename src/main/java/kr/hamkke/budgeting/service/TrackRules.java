package kr.hamkke.budgeting.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import kr.hamkke.budgeting.service.CycleService.TrackSpec;

/**
 * What a track must say before citizens can use it (§5.2), as plain Java shared by the staff form and
 * the service: a short code, a Korean name, a scope with the matching unit (none for the city, a 자치구
 * code for GU, a 행정동 code for DONG), an envelope in 원, and a ballot rule whose parameter makes sense
 * (knapsack: minimum spend 0–100 %; cumulative: at least one point; approval: no parameter).
 */
public final class TrackRules {

    public static final Set<String> SCOPES = Set.of("CITY", "GU", "DONG");
    public static final Set<String> BALLOT_RULES = Set.of("APPROVAL", "KNAPSACK", "CUMULATIVE");
    public static final Set<String> ALLOCATIONS = Set.of("GREEDY", "MES");
    /** 1조 원: far above any real envelope, well inside BIGINT; catches a mistyped extra digit group. */
    public static final long MAX_ENVELOPE_WON = 1_000_000_000_000L;

    private TrackRules() {
    }

    /** Problems by form field (message key suffix), in form order; empty when the track is valid. */
    public static Map<String, String> problems(TrackSpec s) {
        Map<String, String> p = new LinkedHashMap<>();
        if (s.code() == null || !s.code().matches("[A-Z][A-Z0-9]{0,11}")) {
            p.put("code", "code");
        }
        if (s.nameKo() == null || s.nameKo().isBlank() || s.nameKo().length() > 100) {
            p.put("nameKo", "nameKo");
        }
        if (s.nameEn() != null && s.nameEn().length() > 100) {
            p.put("nameEn", "nameEn");
        }
        if (s.scope() == null || !SCOPES.contains(s.scope())) {
            p.put("scope", "scope");
        } else {
            String unit = s.scopeUnit() == null ? "" : s.scopeUnit();
            boolean ok = switch (s.scope()) {
                case "GU" -> unit.matches("11\\d{3}");
                case "DONG" -> unit.matches("11\\d{6,8}");
                default -> unit.isEmpty();
            };
            if (!ok) {
                p.put("scopeUnit", "CITY".equals(s.scope()) ? "scopeUnit.city" : "scopeUnit");
            }
        }
        if (s.envelopeWon() <= 0 || s.envelopeWon() > MAX_ENVELOPE_WON) {
            p.put("envelope", "envelope");
        }
        if (s.runningOrgUnit() != null && s.runningOrgUnit().length() > 20) {
            p.put("runningOrgUnit", "orgUnit");
        }
        if (s.fundingOrgUnit() != null && s.fundingOrgUnit().length() > 20) {
            p.put("fundingOrgUnit", "orgUnit");
        }
        if (s.ballotRule() == null || !BALLOT_RULES.contains(s.ballotRule())) {
            p.put("ballotRule", "ballotRule");
        } else {
            if (s.maxPicks() < 1 || s.maxPicks() > 50) {
                p.put("maxPicks", "maxPicks");
            }
            boolean paramOk = switch (s.ballotRule()) {
                case "KNAPSACK" -> s.ruleParam() >= 0 && s.ruleParam() <= 100;
                case "CUMULATIVE" -> s.ruleParam() >= 1 && s.ruleParam() <= 100;
                default -> s.ruleParam() == 0;
            };
            if (!paramOk) {
                p.put("ruleParam", "ruleParam." + s.ballotRule());
            }
        }
        if (s.allocation() == null || !ALLOCATIONS.contains(s.allocation())) {
            p.put("allocation", "allocation");
        }
        return p;
    }
}
