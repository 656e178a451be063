package kr.hamkke.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

@Serdeable
record SignUpForm(
        @Nullable @NotBlank(message = "form.email.required") @Email(message = "form.email.invalid")
        @Size(max = 254, message = "form.email.invalid") String email,
        @Nullable @NotBlank(message = "form.nickname.required") @Size(min = 2, max = 30, message = "form.nickname.length")
        @Pattern(regexp = "^[\\p{L}\\p{N}_\\- ]*$", message = "form.nickname.chars") String nickname,
        @Nullable @NotBlank(message = "form.password.required") @Size(min = 10, max = 200, message = "form.password.length")
        String password,
        @Nullable String passwordConfirm,
        @Nullable String agree) {

    static final List<String> FIELDS = List.of("email", "nickname", "password", "passwordConfirm", "agree");

    boolean agreed() {
        return "yes".equals(agree);
    }
}
