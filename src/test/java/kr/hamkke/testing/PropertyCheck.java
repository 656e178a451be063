package kr.hamkke.testing;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A tiny property-test runner for plain JUnit 5 tests: checks a property on explicit edge cases, then on
 * {@code tries} values drawn from a generator. Deterministic: the random values come from the seed in the
 * system property {@code hamkke.seed} if given, else from a fixed seed derived from the property's name.
 * A failure names the property, the try, the seed and the value, so {@code -Dhamkke.seed=<seed>} replays it.
 */
public final class PropertyCheck {

    public static final String SEED_PROPERTY = "hamkke.seed";

    private PropertyCheck() {
    }

    public static <T> void forAll(String name, int tries, Function<Random, T> generator, Consumer<T> property) {
        forAll(name, tries, List.of(), generator, property);
    }

    /** Checks every edge case first, then {@code tries} random values; returns normally only if all pass. */
    public static <T> void forAll(String name, int tries, List<T> edgeCases, Function<Random, T> generator,
            Consumer<T> property) {
        if (tries < 1) throw new IllegalArgumentException("tries must be positive: " + tries);
        long seed = seedFor(name);
        for (int i = 0; i < edgeCases.size(); i++) {
            check(name, "edge case " + (i + 1) + " of " + edgeCases.size(), seed, edgeCases.get(i), property);
        }
        Random random = new Random(seed);
        for (int i = 1; i <= tries; i++) {
            T value;
            try {
                value = generator.apply(random);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(describe(name, "try " + i + " of " + tries, seed) + " generator failed", e);
            }
            check(name, "try " + i + " of " + tries, seed, value, property);
        }
    }

    /** The seed a property uses: {@code -Dhamkke.seed} if set, else a fixed value from its name. */
    public static long seedFor(String name) {
        String given = System.getProperty(SEED_PROPERTY);
        if (given != null && !given.isBlank()) return Long.parseLong(given.trim());
        long h = 1125899906842597L; // stable across JVMs, unlike identity hashes
        for (int i = 0; i < name.length(); i++) h = 31 * h + name.charAt(i);
        return h;
    }

    private static <T> void check(String name, String attempt, long seed, T value, Consumer<T> property) {
        try {
            property.accept(value);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(describe(name, attempt, seed) + " failed for " + value + ": " + e, e);
        }
    }

    private static String describe(String name, String attempt, long seed) {
        return "property '" + name + "' (" + attempt + ", seed " + seed + ", rerun with -D" + SEED_PROPERTY + "="
                + seed + ")";
    }
}
