package kr.hamkke.assembly.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    /** 826 applicants shaped like the 2023 call: more older applicants, uneven districts, a few vulnerable. */
    static Pool pbApplicants(long seed) {
        Random rnd = new Random(seed);
        List<String> gus = SeoulDistricts.codes();
        List<Applicant> list = new ArrayList<>();
        for (int i = 0; i < 826; i++) {
            double u = rnd.nextDouble();
            String band = u < 0.25 ? "14-39" : u < 0.6 ? "40-59" : "60+";
            String gu = gus.get((int) (gus.size() * Math.pow(rnd.nextDouble(), 1.3)));
            Set<String> cats = new HashSet<>();
            if (band.equals("14-39") && rnd.nextDouble() < 0.12) {
                cats.add("YOUTH");
            }
            if (rnd.nextDouble() < 0.03) {
                cats.add("DISABLED");
            }
            if (rnd.nextDouble() < 0.025) {
                cats.add("MIGRANT");
            }
            list.add(new Applicant(String.format("PB%04d", i), band, rnd.nextDouble() < 0.56 ? "F" : "M", gu, cats));
        }
        return new Pool(list);
    }

    @Test
    void pbCommitteeTemplateOn826Applicants() {
        QuotaTable t = QuotaBuilders.pbCommittee2023();
        for (int s = 0; s < 20; s++) {
            Pool pool = pbApplicants(s);
            DrawResult d = SortitionEngine.draw(pool, t, Instances.seed("pb" + s));
            assertEquals(List.of(), d.shortfalls(), "seed " + s);
            Instances.assertMeetsQuotas(d.selected(), t);
            Instances.assertMeetsQuotas(d.reserves(), t.scaledToReserves());
            assertEquals(120, d.selected().size());
            assertEquals(60, d.reserves().size());
            for (String c : QuotaBuilders.VULNERABLE) {
                assertTrue(d.selected().stream().filter(a -> a.seatCategories().contains(c)).count() >= 6);
            }
        }
    }

    @Test
    void pbTemplateRowsMatchB4() {
        QuotaTable t = QuotaBuilders.pbCommittee2023();
        assertEquals(120, t.seats());
        assertEquals(60, t.reserveSeats());
        assertEquals(AgeBandSet.PB_3, t.ageBandSet());
        assertEquals(3 + 2 + 3 + 25, t.rows().size());
        QuotaTable r = t.scaledToReserves();
        assertEquals(List.of(3, 3, 3), r.rows().subList(0, 3).stream().map(Quota::prioritySeats).toList());
        assertEquals(30, r.rows().get(3).min());
        assertEquals(30, r.rows().get(3).max());
        assertEquals(20, r.rows().get(5).min());
        assertEquals(3, r.rows().get(10).max());
    }

    @Test
    void seoulAssemblyDefaultsFromThePopulationTable() {
        PopulationTable pop = PopulationTable.seoul();
        assertEquals(25 * 2 * 7, pop.cells().size());
        QuotaTable t = QuotaBuilders.seoulAssembly(pop, 300, 60);
        Map<String, Quota> rows = new java.util.HashMap<>();
        t.rows().forEach(q -> rows.put(q.label(), q));
        assertEquals(135, rows.get("gender=F").min());
        assertEquals(165, rows.get("gender=F").max());
        // youth boost: 1.5 × population share
        long youth = pop.byCategory(Dimension.AGE_BAND).get("14-19");
        assertEquals((int) (3 * youth * 300 / (2 * pop.total())), rows.get("age_band=14-19").min());
        // 송파구 (largest) proportional ± 20%
        double prop = pop.share(Dimension.GU, "11710") * 300;
        assertTrue(rows.get("gu=11710").min() <= 0.8 * prop && rows.get("gu=11710").max() >= 1.2 * prop);

        // 4,000 applicants who skew older and towards some districts → 300 members + 60 reserves
        Random rnd = new Random(42);
        List<PopulationTable.Cell> cells = pop.cells();
        long total = pop.total();
        List<Applicant> list = new ArrayList<>();
        while (list.size() < 4000) {
            long x = (long) (rnd.nextDouble() * total);
            for (PopulationTable.Cell c : cells) {
                x -= c.population();
                if (x < 0) {
                    boolean young = c.ageBand().equals("14-19") || c.ageBand().equals("20s");
                    if (!young || rnd.nextDouble() < 0.7) {
                        list.add(new Applicant(String.format("SA%05d", list.size()), c.ageBand(), c.gender(), c.guCode()));
                    }
                    break;
                }
            }
        }
        Pool pool = new Pool(list);
        DrawResult d = SortitionEngine.draw(pool, t, Instances.seed("assembly"));
        assertEquals(List.of(), d.shortfalls());
        Instances.assertMeetsQuotas(d.selected(), t);
        assertEquals(60, d.reserves().size());
    }

    @Test
    void quotaTableCsvRoundTrip() {
        QuotaTable t = QuotaBuilders.pbCommittee2023();
        assertEquals(t, QuotaTable.parse(t.toCsv()));
        QuotaTable s = QuotaBuilders.seoulAssembly(PopulationTable.seoul(), 300, 60);
        assertEquals(s, QuotaTable.parse("# comment\n" + s.toCsv().replace("\n", "\r\n")));
    }

    @Test
    void poolFileIsCanonicalAndHashed() {
        Pool p = Pool.parse("""
                code;age_band;gender;gu;seat_category
                B2;20s;F;11110;MIGRANT,DISABLED
                # a comment
                A1;70+;M;11740;-
                """);
        assertEquals("A1;70+;M;11740;-\nB2;20s;F;11110;DISABLED,MIGRANT\n", p.toPoolFile());
        assertEquals(Hashing.sha256Hex(p.toPoolFile().getBytes(java.nio.charset.StandardCharsets.UTF_8)), p.poolHash());
        assertEquals(p.poolHash(), Pool.parse(p.toPoolFile()).poolHash());
        // byte order of whole lines, as `LC_ALL=C sort` gives: "A1-x;" sorts before "A1;" ('-' < ';')
        Pool q = new Pool(List.of(new Applicant("A1", "20s", "F", "11110"), new Applicant("A1-x", "20s", "F", "11110")));
        assertEquals(List.of("A1-x", "A1"), q.applicants().stream().map(Applicant::code).toList());
        assertThrows(IllegalArgumentException.class,
                () -> new Pool(List.of(new Applicant("A1", "20s", "F", "11110"), new Applicant("A1", "30s", "M", "11110"))));
    }

    @Test
    void populationFileIsMarkedAsAnApproximation() throws java.io.IOException {
        try (var in = PopulationTable.class.getResourceAsStream(PopulationTable.RESOURCE)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.lines().limit(5).anyMatch(l -> l.startsWith("#") && l.contains("APPROXIMATION")));
            assertTrue(text.contains("official"));
        }
    }
}
