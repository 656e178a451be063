package kr.hamkke.budgetlines;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.budgetlines.figures.RiskFlag;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static kr.hamkke.budgetlines.BudgetApiSupport.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class BudgetLineServiceTest {

    private static final Actor STAFF = new Actor(null, "BUDGET_STAFF");

    @Inject
    BudgetLineService service;
    @Inject
    BudgetReports reports;

    private BudgetLine line(int year, String name, long won, long carried) {
        return service.create(STAFF, new LineInput(year, "서울혁신기획관", "사회혁신담당관", name, null, "PROGRAM", won, won,
                carried, null, null, false, null, "CONFIRMED", null, null, true));
    }

    @Test
    void threadsRacingForOneLineNeverAllocateMoreThanTheBudgetCurrent() throws Exception {
        BudgetLine line = line(2030, "서비스 동시성 시험", 70_000_000L, 5_000_000L); // 예산현액 75,000천원
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads * 2; i++) {
            long subject = 60_000 + i;
            long amount = (i % 3 + 1) * 5_000_000L;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    service.link(STAFF, line.id(), new LinkInput("PROPOSAL", subject, "경합 제안 " + subject, "FUNDED",
                            amount, null, null, "동시 연결 시험"));
                    return true;
                } catch (DomainException e) {
                    assertEquals("budget.over-allocated", e.code());
                    return false;
                }
            }));
        }
        start.countDown();
        int ok = 0;
        for (Future<Boolean> f : results) {
            ok += f.get() ? 1 : 0;
        }
        pool.shutdown();
        long sum = count("SELECT COALESCE(SUM(amount_won), 0) FROM funding WHERE budget_line_id = " + line.id());
        assertTrue(sum <= 75_000_000L, "sum " + sum);
        assertTrue(sum >= 75_000_000L - 15_000_000L, "the line filled up: " + sum);
        assertEquals(ok, count("SELECT COUNT(*) FROM funding WHERE budget_line_id = " + line.id()));
        assertEquals(ok, count("SELECT COUNT(*) FROM audit_event WHERE action = 'budgetline.link' AND subject_id = '" + line.id() + "'"));
        // the budget cannot be lowered under what is allocated
        DomainException below = assertThrows(DomainException.class, () -> service.update(STAFF, line.id(),
                new LineInput(null, null, null, null, null, null, null, 1_000_000L, 0L, null, null, null, null, null, null, null, null)));
        assertEquals("budget.below-allocated", below.code());
    }

    @Test
    void figuresOfTheReportsThroughTheService() {
        // 공유서울 확산 ’21.3.31: 예산현액 1,004,500 / 원인행위 242,500 / 지출 22,800 → 집행률 2.3, 원인행위율 24.1
        BudgetLine share = line(2021, "공유서울 확산 (서비스 시험)", 1_004_500_000L, 0);
        service.recordSnapshot(STAFF, share.id(), new SnapshotInput("2021-03-31", 242_500_000L, 22_800_000L, 1_004_500_000L));
        BudgetReports.LineView v = reports.lineView(share.id(), true);
        assertEquals("2.3", v.executionRate().format());
        assertEquals("24.1", v.commitmentRate().format());
        assertTrue(v.flags().contains(RiskFlag.FORECAST_GAP), v.flags()::toString);
        // 서울혁신파크 조성사업: 443,497 + 이월 200,000 = 643,497
        BudgetLine park = line(2021, "서울혁신파크 조성사업 (서비스 시험)", 443_497_000L, 200_000_000L);
        assertEquals(643_497_000L, park.budgetCurrentWon());
        // 2022 plan: 시민숙의예산 운영 512,502 vs 872,846 → △360,344, △41.3
        BudgetLine plan = service.create(STAFF, new LineInput(2022, "시민협력국", "시민숙의예산과", "시민숙의예산 운영 (서비스 시험)",
                null, "PROGRAM", 512_502_000L, null, 0L, 1_052_846_000L, 872_846_000L, false, null, "COMPILED", null, null, true));
        assertEquals(-360_344_000L, plan.changeWon());
        assertEquals("△41.3", plan.changeRate().display());
    }
}
