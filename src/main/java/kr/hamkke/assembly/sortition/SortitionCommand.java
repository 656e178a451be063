package kr.hamkke.assembly.sortition;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code hamkke sortition}: re-runs a draw from public inputs and prints it as JSON. See docs/SORTITION.md.
 * Exit codes: 0 drawn (shortfalls, if any, are in the JSON); 2 bad usage or input; 3 quotas proven infeasible
 * before drawing; 4 the secret or seed does not match the published commitment.
 */
public final class SortitionCommand {

    static final String USAGE = """
            usage: sortition --input applicants.csv --quotas quotas.csv
                             (--seed HEX64 | --secret TEXT --beacon TEXT)
                             [--commitment HEX64] [--seats N] [--reserves N] [--fairness N]
              --input       pool file, lines code;age_band;gender;gu;seat_category
              --quotas      quota table CSV (seats, reserves, age_band_set, then dimension,category,min,max,priority_seats)
              --seed        the draw seed, 64 hex characters
              --secret/--beacon  derive seed = SHA-256(secret ‖ pool_hash ‖ beacon) as in DOMAIN §6.3
              --commitment  published SHA-256 of the secret (or of the seed text); the draw refuses a mismatch
              --seats/--reserves  override the seat counts in the quota file
              --fairness N  add per-stratum selection probabilities over N re-draws (1000 is the published default)
            """;

    private static final Set<String> OPTIONS = Set.of("--input", "--quotas", "--seed", "--secret", "--beacon",
            "--commitment", "--seats", "--reserves", "--fairness");

    private SortitionCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return execute(args, out);
        } catch (UsageException e) {
            err.println("sortition: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (InfeasibleQuotasException e) {
            err.println("sortition: nothing drawn, " + e.getMessage());
            return 3;
        } catch (CommitReveal.CommitmentMismatch e) {
            err.println("sortition: refused: " + e.getMessage());
            return 4;
        } catch (IllegalArgumentException e) {
            err.println("sortition: " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("sortition: file not found: " + e.getFile());
            return 2;
        } catch (IOException e) {
            err.println("sortition: cannot read input: " + e.getMessage());
            return 2;
        } catch (RuntimeException | OutOfMemoryError e) {
            err.println("sortition: internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage());
            return 1;
        }
    }

    private static int execute(String[] args, PrintStream out) throws IOException {
        Map<String, String> opt = parseArgs(args);
        if (opt.containsKey("--help")) {
            out.print(USAGE);
            return 0;
        }
        require(opt, "--input");
        require(opt, "--quotas");
        Pool pool = Pool.parse(read(opt.get("--input")));
        QuotaTable quotas = QuotaTable.parse(read(opt.get("--quotas")));
        int seats = opt.containsKey("--seats") ? count(opt, "--seats") : quotas.seats();
        int reserves = opt.containsKey("--reserves") ? count(opt, "--reserves") : quotas.reserveSeats();
        quotas = quotas.withSeats(seats, reserves);

        CommitReveal.Seed seed = seed(opt, pool);
        DrawResult draw = SortitionEngine.draw(pool, quotas, seed);
        Json json = new Json();
        json.open(null, '{');
        json.string("algorithm_version", draw.algorithmVersion());
        json.string("pool_hash", draw.poolHash());
        json.integer("pool_size", pool.size());
        json.string("quota_hash", draw.quotaHash());
        json.string("seed", draw.seedHex());
        json.integer("seats", quotas.seats());
        json.integer("reserve_seats", quotas.reserveSeats());
        json.string("panel_method", draw.panelMethod());
        json.string("reserve_method", draw.reserveMethod());
        json.strings("selected", draw.selectedCodes());
        json.strings("reserves", draw.reserveCodes());
        json.open("shortfalls", '[');
        for (Shortfall s : draw.shortfalls()) {
            json.inlineObject("stage", Json.quote(s.stage()), "quota", Json.quote(s.quota()), "required",
                    String.valueOf(s.required()), "drawn", String.valueOf(s.drawn()), "message", Json.quote(s.message()));
        }
        json.close(']');
        json.open("report", '[');
        PopulationTable population = PopulationTable.seoul();
        for (FairnessReport.CategoryLine c : FairnessReport.categories(pool, draw, population)) {
            json.inlineObject("dimension", Json.quote(c.dimension().key()), "category", Json.quote(c.category()),
                    "pool", String.valueOf(c.pool()), "pool_share", Json.number(c.poolShare()),
                    "population_share", c.populationShare() == null ? "null" : Json.number(c.populationShare()),
                    "min", String.valueOf(c.min()), "max", String.valueOf(c.max()),
                    "seats", String.valueOf(c.seats()), "reserves", String.valueOf(c.reserves()));
        }
        json.close(']');
        if (opt.containsKey("--fairness")) {
            int n = count(opt, "--fairness");
            if (n < 1 || n > 100_000) {
                throw new UsageException("--fairness must be between 1 and 100000 re-draws, got " + n);
            }
            json.open("fairness", '{');
            json.integer("redraws", n);
            json.string("redraw_seeds", "SHA-256(seed ‖ \"fairness\" ‖ int32be(i)), i = 0.." + (n - 1));
            json.open("strata", '[');
            for (FairnessReport.StratumLine s : FairnessReport.empirical(pool, quotas, seed, n)) {
                json.inlineObject("stratum", Json.quote(s.stratum()), "pool", String.valueOf(s.pool()),
                        "probability", Json.number(s.probability()), "min_individual", Json.number(s.minIndividual()),
                        "max_individual", Json.number(s.maxIndividual()));
            }
            json.close(']');
            json.close('}');
        }
        json.close('}');
        out.print(json);
        out.flush();
        return 0;
    }

    private static CommitReveal.Seed seed(Map<String, String> opt, Pool pool) {
        String commitment = opt.get("--commitment");
        if (commitment != null && !commitment.strip().matches("[0-9a-fA-F]{64}")) {
            throw new UsageException("--commitment must be 64 hexadecimal characters");
        }
        if (opt.containsKey("--seed")) {
            if (opt.containsKey("--secret") || opt.containsKey("--beacon")) {
                throw new UsageException("give either --seed or --secret with --beacon, not both");
            }
            CommitReveal.Seed seed = CommitReveal.Seed.parseHex(opt.get("--seed"));
            if (commitment != null && !CommitReveal.verify(seed.hex(), commitment)) {
                throw new CommitReveal.CommitmentMismatch("SHA-256 of the seed text " + seed.hex() + " is "
                        + CommitReveal.commitment(seed.hex()) + ", not the published commitment " + commitment.strip());
            }
            return seed;
        }
        if (opt.containsKey("--secret")) {
            require(opt, "--beacon");
            String secret = opt.get("--secret");
            return commitment == null ? CommitReveal.deriveSeed(secret, pool.poolHash(), opt.get("--beacon"))
                    : CommitReveal.deriveSeed(secret, commitment, pool.poolHash(), opt.get("--beacon"));
        }
        throw new UsageException("missing --seed (or --secret with --beacon)");
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                opt.put("--help", "");
                continue;
            }
            String key = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                key = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (!OPTIONS.contains(key)) {
                throw new UsageException("unknown argument '" + a + "'");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException(key + " needs a value");
                }
                value = args[++i];
            }
            if (opt.put(key, value) != null) {
                throw new UsageException(key + " given twice");
            }
        }
        return opt;
    }

    private static void require(Map<String, String> opt, String key) {
        if (!opt.containsKey(key)) {
            throw new UsageException("missing " + key);
        }
    }

    private static int count(Map<String, String> opt, String key) {
        try {
            int v = Integer.parseInt(opt.get(key).strip());
            if (v < 0 || v > 10_000_000) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException(key + " must be a whole number ≥ 0, got '" + opt.get(key) + "'");
        }
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }

    private static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }
}
