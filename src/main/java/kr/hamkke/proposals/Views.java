package kr.hamkke.proposals;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import kr.hamkke.proposals.rules.Deadlines;
import kr.hamkke.shared.web.Pages;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** Renders the feature's pages with a KST date formatter ({@code kst}) in the model. */
@Singleton
class Views {

    private final Pages pages;
    private final Clock clock;
    private final kr.hamkke.identity.ReferenceData reference;
    private volatile Map<String, String> guNames;

    Views(Pages pages, Clock clock, kr.hamkke.identity.ReferenceData reference) {
        this.pages = pages;
        this.clock = clock;
        this.reference = reference;
    }

    MutableHttpResponse<?> ok(HttpRequest<?> request, String view, Map<String, Object> model) {
        return pages.ok(request, view, with(model));
    }

    MutableHttpResponse<?> invalid(HttpRequest<?> request, String view, Map<String, Object> model) {
        return pages.invalid(request, view, with(model));
    }

    private Map<String, Object> with(Map<String, Object> model) {
        Map<String, Object> m = new HashMap<>(model);
        m.put("kst", new Kst(clock));
        if (guNames == null) {
            Map<String, String> names = new HashMap<>();
            reference.districts().forEach(d -> names.put(d.guCode(), d.nameKo()));
            guNames = names;
        }
        m.put("guNames", guNames);
        return m;
    }

    /** Date formatting in Seoul time for templates. */
    public static final class Kst {
        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(Deadlines.SEOUL);
        private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm").withZone(Deadlines.SEOUL);
        private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(Deadlines.SEOUL);
        private final Clock clock;

        Kst(Clock clock) {
            this.clock = clock;
        }

        public String date(Instant i) {
            return i == null ? "" : DATE.format(i);
        }

        public String dateTime(Instant i) {
            return i == null ? "" : DATE_TIME.format(i);
        }

        public String iso(Instant i) {
            return i == null ? "" : ISO.format(i);
        }

        /** Whole KST days until the instant's date (0 = today, negative = past). */
        public long daysLeft(Instant i) {
            if (i == null) {
                return 0;
            }
            return ChronoUnit.DAYS.between(clock.instant().atZone(Deadlines.SEOUL).toLocalDate(), i.atZone(Deadlines.SEOUL).toLocalDate());
        }

        public boolean past(Instant i) {
            return i != null && clock.instant().isAfter(i);
        }
    }
}
