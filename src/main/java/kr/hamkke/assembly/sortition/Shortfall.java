package kr.hamkke.assembly.sortition;

/** An unmet minimum (or unfilled seats) in one stage of a draw: "panel" or "reserves" (DOMAIN §6.3 step 6). */
public record Shortfall(String stage, String quota, int required, int drawn, String message) {
}
