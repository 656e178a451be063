package kr.hamkke.shared.limits;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One configured limit, e.g. {@code hamkke.rate-limits.rules.proposal-create}: which requests it counts
 * (a regular expression over "METHOD /path"), how many per window, and whose requests share a counter
 * ({@code account}: the signed-in person, falling back to the client address; {@code client}: the address).
 */
@EachProperty("hamkke.rate-limits.rules")
public class RateLimitRule {

    private final String name;
    private Pattern requests = Pattern.compile("(?!)");
    private int limit = 10;
    private Duration window = Duration.ofMinutes(1);
    private String per = "account";

    public RateLimitRule(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public Pattern getRequests() {
        return requests;
    }

    public void setRequests(String requests) {
        this.requests = Pattern.compile(requests);
    }

    public int getLimit() {
        return limit;
    }

    public void setLimit(int limit) {
        this.limit = limit;
    }

    public Duration getWindow() {
        return window;
    }

    public void setWindow(Duration window) {
        this.window = window;
    }

    public String getPer() {
        return per;
    }

    public void setPer(String per) {
        this.per = per;
    }

    boolean matches(String method, String path) {
        return requests.matcher(method + " " + path).matches();
    }
}
