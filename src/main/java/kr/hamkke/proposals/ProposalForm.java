package kr.hamkke.proposals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The proposal form (also the API's create body); messages are i18n keys. */
@Serdeable
public record ProposalForm(
        @Nullable @NotBlank(message = "proposals.form.title.required") @Size(max = 100, message = "proposals.form.title.length") String title,
        @Nullable @NotBlank(message = "proposals.form.body.required") @Size(max = 10000, message = "proposals.form.body.length") String body,
        @Nullable @NotBlank(message = "proposals.form.category.required")
        @Pattern(regexp = "WELFARE|ENVIRONMENT|TRANSPORT|SAFETY|HOUSING|ECONOMY|CULTURE|EDUCATION|HEALTH|ADMINISTRATION",
                message = "proposals.form.category.required") String category,
        @Nullable @Pattern(regexp = "|11[0-9]{3}", message = "proposals.form.gu.invalid") String guCode,
        @Nullable Boolean submit) {

    static final List<String> FIELDS = List.of("title", "body", "category", "guCode");

    static ProposalForm empty() {
        return new ProposalForm("", "", "", "", false);
    }

    ProposalService.Input input() {
        return new ProposalService.Input(title, body, category, guCode);
    }
}
