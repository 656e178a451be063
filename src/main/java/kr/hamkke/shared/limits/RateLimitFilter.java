package kr.hamkke.shared.limits;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import kr.hamkke.shared.web.ClientAddresses;
import kr.hamkke.shared.web.ErrorResponses;

import java.time.Clock;
import java.util.List;

/**
 * Applies the configured {@link RateLimitRule}s before any controller runs, so a feature needs no code
 * to be limited: a refused request gets 429 with Retry-After (problem JSON under /api/, a Korean page
 * otherwise) and changes nothing. Runs after security and CSRF, so forged requests never use up a
 * person's allowance.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "hamkke.rate-limits.enabled", notEquals = "false")
public class RateLimitFilter implements Ordered {

    private final List<RateLimitRule> rules;
    private final RateLimiter limiter = new RateLimiter();
    private final ErrorResponses errors;
    private final Clock clock;
    private final ClientAddresses clientAddresses;

    RateLimitFilter(List<RateLimitRule> rules, ErrorResponses errors, Clock clock, ClientAddresses clientAddresses) {
        this.rules = rules;
        this.errors = errors;
        this.clock = clock;
        this.clientAddresses = clientAddresses;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        String method = request.getMethodName();
        String path = request.getPath();
        for (RateLimitRule rule : rules) {
            if (!rule.matches(method, path)) {
                continue;
            }
            RateLimiter.Decision d = limiter.attempt(rule.getName() + ":" + keyFor(rule, request), rule.getLimit(),
                    rule.getWindow(), clock.instant());
            if (!d.allowed()) {
                MutableHttpResponse<?> refused = errors.error(request, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", null);
                return refused.header("Retry-After", Long.toString(d.retryAfterSeconds()));
            }
        }
        return null;
    }

    /** Forgets every count (tests, and an operator's escape hatch). */
    public void reset() {
        limiter.clear();
    }

    private String keyFor(RateLimitRule rule, HttpRequest<?> request) {
        if ("account".equals(rule.getPer())) {
            var who = request.getUserPrincipal(Authentication.class).map(Authentication::getName);
            if (who.isPresent()) {
                return "account:" + who.get();
            }
        }
        return "client:" + clientAddresses.of(request);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 10;
    }
}
