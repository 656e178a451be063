package kr.hamkke.bench.drill;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A demo citizen casting ballots through the API during a drill, with every attempt it made. */
final class Voter {

    /** One POST of a ballot, identified by its Idempotency-Key; status -1 = no answer (connection lost). */
    static final class Attempt {
        final String key;
        final List<Long> picks;
        volatile int status;
        volatile long ballotId;
        volatile int version;
        volatile long millis;

        Attempt(String key, List<Long> picks) {
            this.key = key;
            this.picks = picks;
        }

        boolean acknowledged() {
            return status == 200 || status == 201;
        }

        /** No answer, or a 5xx: it may or may not have been processed, so the client retries with the same key. */
        boolean unknown() {
            return status < 0 || status >= 500;
        }
    }

    final String email;
    String token;
    final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());

    Voter(String email) {
        this.email = email;
    }
}
