package kr.hamkke.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

@Serdeable
record SignInForm(
        @Nullable @NotBlank(message = "form.email.required") String email,
        @Nullable @NotBlank(message = "form.password.required") String password,
        @Nullable String next) {

    static final java.util.List<String> FIELDS = java.util.List.of("email", "password");
}
