package kr.hamkke.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Form records of the verification pages; dates arrive as text so a typo is a 422, not a 400. */
final class VerificationForms {

    private VerificationForms() {
    }

    @Serdeable
    record CensusForm(
            @Nullable @NotBlank(message = "form.name.required") @Size(max = 40, message = "form.name.required") String censusName,
            @Nullable @NotBlank(message = "form.birthDate.required") @Pattern(regexp = "^\\d{4}-\\d{2}-\\d{2}$", message = "form.birthDate.invalid") String censusBirthDate,
            @Nullable @NotBlank(message = "form.identityNumber.required") @Pattern(regexp = "^[0-9\\-]{6,20}$", message = "form.identityNumber.invalid") String identityNumber) {

        static final List<String> FIELDS = List.of("censusName", "censusBirthDate", "identityNumber");
    }

    @Serdeable
    record PhoneForm(
            @Nullable @NotBlank(message = "form.name.required") @Size(max = 40, message = "form.name.required") String name,
            @Nullable @NotBlank(message = "form.birthDate.required") @Pattern(regexp = "^\\d{4}-\\d{2}-\\d{2}$", message = "form.birthDate.invalid") String birthDate,
            @Nullable @NotBlank(message = "form.gender.required") @Pattern(regexp = "^[MF]$", message = "form.gender.required") String gender,
            @Nullable @NotBlank(message = "form.phone.required") @Pattern(regexp = "^01[016789]-?\\d{3,4}-?\\d{4}$", message = "form.phone.invalid") String phone,
            @Nullable @NotBlank(message = "form.guCode.required") @Pattern(regexp = "^11\\d{3}$", message = "form.guCode.required") String guCode,
            @Nullable @NotBlank(message = "form.relation.required") @Pattern(regexp = "^(RESIDENT|WORKER|STUDENT)$", message = "form.relation.required") String relation) {

        static final List<String> FIELDS = List.of("name", "birthDate", "gender", "phone", "guCode", "relation");
    }

    @Serdeable
    record CodeForm(@Nullable @NotBlank(message = "form.code.required") @Pattern(regexp = "^\\d{6}$", message = "form.code.invalid") String code) {
        static final List<String> FIELDS = List.of("code");
    }

    /** A date that passed the pattern may still not exist (2023-02-30), or lie in the future. */
    static LocalDate birthDate(String text, java.time.LocalDate today) {
        try {
            LocalDate date = LocalDate.parse(text);
            return date.isAfter(today) || date.isBefore(LocalDate.of(1900, 1, 1)) ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
