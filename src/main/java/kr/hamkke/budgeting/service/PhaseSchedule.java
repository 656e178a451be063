package kr.hamkke.budgeting.service;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a cycle's calendar (§5.3), as plain Java so the web form and the service check the same
 * thing: the phases a cycle cannot run without are present, each ends on or after its start, and the
 * phases follow each other in their fixed order without overlapping (a day belongs to one phase at most).
 */
public final class PhaseSchedule {

    /** Without intake, a vote and a count there is no cycle; the other phases are optional. */
    public static final Set<PhaseKind> REQUIRED = EnumSet.of(PhaseKind.SUBMISSION, PhaseKind.VOTING, PhaseKind.TALLY);

    private PhaseSchedule() {
    }

    /**
     * Problems by phase: "missing" (required phase without dates, or only one of its two dates),
     * "order" (ends before it starts), "overlap" (starts on or before the previous phase's end).
     * Empty when the schedule is valid. Entries with both dates null are phases the cycle does not use.
     */
    public static Map<PhaseKind, String> problems(Map<PhaseKind, LocalDate[]> schedule) {
        Map<PhaseKind, String> problems = new LinkedHashMap<>();
        LocalDate previousEnd = null;
        for (PhaseKind kind : PhaseKind.values()) {
            LocalDate[] dates = schedule.get(kind);
            LocalDate start = dates == null ? null : dates[0];
            LocalDate end = dates == null ? null : dates[1];
            if (start == null && end == null) {
                if (REQUIRED.contains(kind)) {
                    problems.put(kind, "missing");
                }
                continue;
            }
            if (start == null || end == null) {
                problems.put(kind, "missing");
                continue;
            }
            if (end.isBefore(start)) {
                problems.put(kind, "order");
                continue;
            }
            if (previousEnd != null && !start.isAfter(previousEnd)) {
                problems.put(kind, "overlap");
            }
            previousEnd = end;
        }
        return problems;
    }
}
