package kr.hamkke.assembly.sortition;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Test-data builders: random pools, witness-based feasible quota tables, seeds. */
final class Instances {
    static final List<String> GUS = SeoulDistricts.codes();

    private Instances() {
    }

    static CommitReveal.Seed seed(String text) {
        return new CommitReveal.Seed(Hashing.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    static Pool randomPool(Random rnd, int n, int gus, AgeBandSet set, double seatCategoryRate) {
        List<String> guPool = new ArrayList<>(GUS.subList(0, gus));
        List<Applicant> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // skewed distributions make quotas interact
            String band = set.bands().get(Math.min(set.bands().size() - 1, (int) Math.floor(Math.abs(rnd.nextGaussian()) * set.bands().size() / 2.0)));
            String gender = rnd.nextDouble() < 0.6 ? "F" : "M";
            String gu = guPool.get(Math.min(gus - 1, (int) (rnd.nextDouble() * rnd.nextDouble() * gus * 1.5)));
            Set<String> cats = new HashSet<>();
            for (String c : QuotaBuilders.VULNERABLE) {
                if (rnd.nextDouble() < seatCategoryRate) {
                    cats.add(c);
                }
            }
            list.add(new Applicant(String.format("P%05d", i), band, gender, gu, cats));
        }
        return new Pool(list);
    }

    /** Quotas set around a random witness panel, so the instance is feasible by construction. */
    static QuotaTable feasibleQuotas(Random rnd, Pool pool, int seats, AgeBandSet set, int slack) {
        List<Applicant> shuffled = new ArrayList<>(pool.applicants());
        Collections.shuffle(shuffled, rnd);
        List<Applicant> witness = shuffled.subList(0, seats);
        List<Quota> rows = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            Set<String> categories = new java.util.TreeSet<>();
            for (Applicant a : pool.applicants()) {
                if (d == Dimension.SEAT_CATEGORY) {
                    categories.addAll(a.seatCategories());
                } else {
                    categories.add(a.categoryOf(d));
                }
            }
            for (String c : categories) {
                if (rnd.nextInt(5) == 0) {
                    continue; // some categories carry no quota
                }
                int w = (int) witness.stream().filter(a -> a.belongsTo(d, c)).count();
                int min = Math.max(0, w - rnd.nextInt(slack + 1));
                int max = w + rnd.nextInt(slack + 1);
                int priority = d == Dimension.SEAT_CATEGORY && rnd.nextBoolean() ? rnd.nextInt(min + 1) : 0;
                rows.add(new Quota(d, c, min, rnd.nextInt(6) == 0 ? Quota.NO_MAX : max, priority));
            }
        }
        Collections.shuffle(rows, rnd);
        return new QuotaTable(seats, 0, set, rows);
    }

    static void assertMeetsQuotas(List<Applicant> panel, QuotaTable table) {
        if (panel.size() != table.seats()) {
            throw new AssertionError("panel has " + panel.size() + " members, expected " + table.seats());
        }
        for (Quota q : table.rows()) {
            long c = panel.stream().filter(a -> a.belongsTo(q.dimension(), q.category())).count();
            if (c < q.effectiveMin() || c > q.max()) {
                throw new AssertionError(q.label() + ": " + c + " not in [" + q.effectiveMin() + ", " + q.max() + "]");
            }
        }
    }
}
