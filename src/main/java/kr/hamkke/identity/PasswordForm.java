package kr.hamkke.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

@Serdeable
record PasswordForm(
        @Nullable @NotBlank(message = "form.password.required") String currentPassword,
        @Nullable @NotBlank(message = "form.password.required") @Size(min = 10, max = 200, message = "form.password.length")
        String newPassword,
        @Nullable String newPasswordConfirm) {

    static final List<String> FIELDS = List.of("currentPassword", "newPassword", "newPasswordConfirm");
}
