package kr.hamkke.assembly.web;

import io.micronaut.context.ApplicationContext;
import kr.hamkke.assembly.CycleService;
import kr.hamkke.assembly.Cycle;
import kr.hamkke.shared.Actor;
import kr.hamkke.testing.TestAccounts;
import kr.hamkke.testing.TestDatabase;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds a small recruiting cycle and its applicants for the assembly tests. */
final class AssemblyFixtures {

    static final String QUOTAS = """
            seats,6
            reserves,4
            age_band_set,STANDARD_7
            dimension,category,min,max,priority_seats
            gender,F,2,4,0
            gender,M,2,4,0
            """;
    static final String[] GU = {"11110", "11140", "11440", "11680"};

    private AssemblyFixtures() {
    }

    static long recruitingCycle(ApplicationContext ctx) {
        CycleService cycles = ctx.getBean(CycleService.class);
        LocalDate today = LocalDate.now(kr.hamkke.shared.ClockFactory.SEOUL);
        long id = cycles.create(Actor.SYSTEM, new CycleService.NewCycle("테스트 시민회의 " + UUID.randomUUID().toString().substring(0, 8),
                today.getYear(), 6, 4, today.minusDays(5), today.plusDays(10), today.plusDays(15), today.plusDays(30),
                today.plusDays(40), today.plusDays(50), today.plusDays(60), QUOTAS, List.of("기후위기 시대, 서울의 역할")));
        cycles.advance(Actor.SYSTEM, id, Cycle.Status.PLANNING);
        return id;
    }

    /** n verified applicants applied through the service (the web path is tested separately). */
    static List<TestAccounts.TestAccount> applicants(ApplicationContext ctx, long cycleId, int n) {
        CycleService cycles = ctx.getBean(CycleService.class);
        List<TestAccounts.TestAccount> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var a = TestAccounts.verified(ctx, LocalDate.of(1950 + (i * 7) % 55, 1 + i % 12, 1 + i % 27), GU[i % GU.length]);
            cycles.apply(a.id(), cycleId, "함께 서울의 미래를 이야기하고 싶습니다.", "주말 오후", true, false);
            out.add(a);
        }
        return out;
    }

    static long count(String sql) throws Exception {
        try (var c = TestDatabase.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String string(String sql) throws Exception {
        try (var c = TestDatabase.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static List<String> strings(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (var c = TestDatabase.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static void exec(String sql) throws Exception {
        try (var c = TestDatabase.connect()) {
            c.createStatement().executeUpdate(sql);
        }
    }
}
