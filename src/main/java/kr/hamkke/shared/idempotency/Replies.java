package kr.hamkke.shared.idempotency;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** HTTP answer of an {@link IdempotentRequests.Outcome}: the first status and body; a replay says so. */
public final class Replies {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private Replies() {
    }

    public static <T> MutableHttpResponse<T> of(IdempotentRequests.Outcome<T> outcome) {
        MutableHttpResponse<T> response = HttpResponse.<T>status(HttpStatus.valueOf(outcome.status())).body(outcome.body());
        if (outcome.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.header("Cache-Control", "no-store");
    }
}
