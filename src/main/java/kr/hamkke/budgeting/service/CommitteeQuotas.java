package kr.hamkke.budgeting.service;

import java.util.ArrayList;
import java.util.List;
import kr.hamkke.assembly.sortition.AgeBandSet;
import kr.hamkke.assembly.sortition.Dimension;
import kr.hamkke.assembly.sortition.Quota;
import kr.hamkke.assembly.sortition.QuotaTable;
import kr.hamkke.assembly.sortition.SeoulDistricts;

/**
 * The 참여예산위원회 quota table (plain Java): gender balance (each gender at least ⌊seats/2⌋) and at most
 * {@code guMax} members per 자치구, age bands PB_3 unconstrained. Rows for all 25 자치구 in code order, so
 * the published quota_hash does not depend on who applied.
 */
public final class CommitteeQuotas {

    private CommitteeQuotas() {
    }

    public static QuotaTable of(int seats, int guMax) {
        if (seats < 2 || seats > 500) {
            throw new IllegalArgumentException("seats 2-500");
        }
        if (guMax < 1 || guMax > seats) {
            throw new IllegalArgumentException("guMax 1-seats");
        }
        List<Quota> rows = new ArrayList<>();
        int half = seats / 2;
        rows.add(Quota.range(Dimension.GENDER, "F", half, seats - half));
        rows.add(Quota.range(Dimension.GENDER, "M", half, seats - half));
        for (String gu : SeoulDistricts.codes()) {
            rows.add(Quota.range(Dimension.GU, gu, 0, guMax));
        }
        return new QuotaTable(seats, 0, AgeBandSet.PB_3, rows);
    }
}
