package kr.hamkke.proposals.rules;

/**
 * The thresholds, windows and SLAs a proposal is bound to at publication (DOMAIN §8.4). Defaults are
 * DOMAIN §4.3; the running values come from configuration.
 */
public record RuleSet(int supportWindowDays, int reviewThreshold, int reviewSlaDays, int forumThreshold,
                      int forumDays, int mayorThreshold, int mayorSlaDays) {

    public static final RuleSet DEFAULTS = new RuleSet(30, 50, 30, 100, 30, 1000, 30);

    public RuleSet {
        if (supportWindowDays < 1 || reviewThreshold < 1 || reviewSlaDays < 1 || forumThreshold < 1
                || forumDays < 1 || mayorThreshold < 1 || mayorSlaDays < 1) {
            throw new IllegalArgumentException("rule values must be positive");
        }
    }
}
