package kr.hamkke.assembly;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Form bodies of the assembly pages. */
final class Forms {

    private Forms() {
    }

    @Serdeable
    record ApplyForm(
            @Nullable @NotBlank(message = "assembly.form.motivation.required") @Size(max = 2000, message = "assembly.form.motivation.length") String motivation,
            @Nullable @NotBlank(message = "assembly.form.availability.required") @Size(max = 500, message = "assembly.form.availability.length") String availability,
            @Nullable String consentPrivacy,
            @Nullable String consentName) {
        static final List<String> FIELDS = List.of("motivation", "availability", "consentPrivacy");

        boolean privacy() {
            return consentPrivacy != null && !consentPrivacy.isBlank();
        }

        boolean name() {
            return consentName != null && !consentName.isBlank();
        }
    }

    @Serdeable
    record CycleForm(@Nullable String name, @Nullable String year, @Nullable String seats, @Nullable String reserveSeats,
                     @Nullable String recruitOpens, @Nullable String recruitCloses, @Nullable String drawDate,
                     @Nullable String meeting1, @Nullable String meeting2, @Nullable String meeting3, @Nullable String plenary,
                     @Nullable String agendas, @Nullable String quotaCsv) {
    }

    @Serdeable
    record CommitForm(@Nullable String commitment) {
    }

    @Serdeable
    record DrawForm(@Nullable String beacon, @Nullable String secret) {
    }

    @Serdeable
    record AdvanceForm(@Nullable String from) {
    }

    @Serdeable
    record ReasonForm(@Nullable String reason) {
    }

    @Serdeable
    record MeetingForm(@Nullable String seq, @Nullable String title, @Nullable String heldOn, @Nullable String format,
                       @Nullable String venue, @Nullable String onlineNote) {
    }

    @Serdeable
    record MeetingPlaceForm(@Nullable String format, @Nullable String venue, @Nullable String onlineNote) {
    }

    @Serdeable
    record TableForm(@Nullable String name, @Nullable String facilitatorEmail) {
    }

    @Serdeable
    record PostForm(@Nullable String stance, @Nullable String body) {
    }

    @Serdeable
    record DraftForm(@Nullable String title, @Nullable String body, @Nullable String orgUnit) {
    }

    @Serdeable
    record VoteForm(@Nullable String choice) {
    }

    @Serdeable
    record ResponseForm(@Nullable String response, @Nullable String text) {
    }
}
