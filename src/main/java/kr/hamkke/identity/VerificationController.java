package kr.hamkke.identity;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Validator;
import kr.hamkke.identity.VerificationForms.CensusForm;
import kr.hamkke.identity.VerificationForms.CodeForm;
import kr.hamkke.identity.VerificationForms.PhoneForm;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.FormErrors;
import kr.hamkke.shared.web.Pages;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.View;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** 본인인증: census match or phone code; the result unlocks posting, supporting and voting. */
@Controller("/verify")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class VerificationController {

    private final CensusVerification census;
    private final PhoneVerification phone;
    private final VerificationService verifications;
    private final ReferenceData reference;
    private final Validator validator;
    private final Clock clock;
    private final Pages pages;
    private final AccountService accounts;
    private final SessionCookies session;

    VerificationController(CensusVerification census, PhoneVerification phone, VerificationService verifications,
                           ReferenceData reference, Validator validator, Clock clock, Pages pages,
                           AccountService accounts, SessionCookies session) {
        this.pages = pages;
        this.accounts = accounts;
        this.session = session;
        this.census = census;
        this.phone = phone;
        this.verifications = verifications;
        this.reference = reference;
        this.validator = validator;
        this.clock = clock;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    @View("identity/verify")
    Map<String, Object> page(Authentication auth) {
        return model(auth, new CensusForm("", "", ""), new PhoneForm("", "", "", "", "", "RESIDENT"), new FormErrors(), null);
    }

    @Post("/census")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> byCensus(HttpRequest<?> request, Authentication auth, @Body CensusForm form) {
        CurrentUser user = CurrentUser.from(auth);
        FormErrors errors = FormErrors.of(validator.validate(form), CensusForm.FIELDS);
        LocalDate birth = birthDate(errors, "censusBirthDate", form.censusBirthDate());
        if (errors.isEmpty()) {
            try {
                census.verify(user.accountId(), form.censusName(), birth, form.identityNumber());
                return verified(user);
            } catch (DomainException e) {
                errors.add("censusName", "error." + e.code());
            }
        }
        return invalid(request, auth, new CensusForm(form.censusName(), form.censusBirthDate(), ""), null, errors);
    }

    @Post("/phone")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> sendCode(HttpRequest<?> request, Authentication auth, @Body PhoneForm form) {
        CurrentUser user = CurrentUser.from(auth);
        FormErrors errors = FormErrors.of(validator.validate(form), PhoneForm.FIELDS);
        LocalDate birth = birthDate(errors, "birthDate", form.birthDate());
        if (errors.isEmpty() && !reference.isDistrict(form.guCode())) {
            errors.add("guCode", "form.guCode.required");
        }
        if (errors.isEmpty()) {
            try {
                phone.sendCode(user.accountId(), new PhoneVerification.Request(form.name(), birth, form.gender(),
                        form.phone(), form.guCode(), form.relation()));
                return Flash.redirect("/verify/code", "notice.code-sent");
            } catch (DomainException e) {
                errors.add("phone", "error." + e.code());
            }
        }
        return invalid(request, auth, null, form, errors);
    }

    @Get("/code")
    @Produces(MediaType.TEXT_HTML)
    @View("identity/verify-code")
    Map<String, Object> codePage() {
        return Map.of("form", new CodeForm(""));
    }

    @Post("/code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> confirm(HttpRequest<?> request, Authentication auth, @Body CodeForm form) {
        CurrentUser user = CurrentUser.from(auth);
        FormErrors errors = FormErrors.of(validator.validate(form), CodeForm.FIELDS);
        if (errors.isEmpty()) {
            try {
                if (phone.confirm(user.accountId(), form.code())) {
                    return verified(user);
                }
                errors.add("code", "error.verification.phone.wrong-code");
            } catch (DomainException e) {
                errors.add("code", "error." + e.code());
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("form", new CodeForm(""));
        model.put("errors", errors);
        return pages.invalid(request, "identity/verify-code", model);
    }

    @Get("/done")
    @Produces(MediaType.TEXT_HTML)
    @View("identity/verify-done")
    Map<String, Object> done(Authentication auth) {
        CurrentUser user = CurrentUser.from(auth);
        return Map.of("verified", verifications.find(user.accountId()).isPresent());
    }

    /** A date that passed the pattern check but does not exist, or lies in the future, is an error too. */
    private LocalDate birthDate(FormErrors errors, String field, String text) {
        if (errors.has(field)) {
            return null;
        }
        LocalDate birth = VerificationForms.birthDate(text, LocalDate.now(clock));
        if (birth == null) {
            errors.add(field, "form.birthDate.invalid");
        }
        return birth;
    }

    /** The session is reissued with the VERIFIED role, so the new rights apply at once. */
    private MutableHttpResponse<?> verified(CurrentUser user) {
        MutableHttpResponse<?> response = Flash.redirect("/verify/done", "notice.verified");
        Account account = accounts.find(user.accountId()).orElseThrow();
        session.signIn(response, new SignedInUser(account.id(), account.nickname(), account.email(), accounts.rolesOf(account.id())));
        return response;
    }

    private MutableHttpResponse<?> invalid(HttpRequest<?> request, Authentication auth, CensusForm censusForm, PhoneForm phoneForm, FormErrors errors) {
        Map<String, Object> model = model(auth, censusForm == null ? new CensusForm("", "", "") : censusForm,
                phoneForm == null ? new PhoneForm("", "", "", "", "", "RESIDENT") : phoneForm, errors,
                censusForm != null ? "census" : "phone");
        return pages.invalid(request, "identity/verify", model);
    }

    private Map<String, Object> model(Authentication auth, CensusForm censusForm, PhoneForm phoneForm,
                                      FormErrors errors, String activeForm) {
        CurrentUser user = CurrentUser.from(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("verified", verifications.find(user.accountId()).isPresent());
        model.put("censusForm", censusForm);
        model.put("phoneForm", phoneForm);
        model.put("errors", errors);
        model.put("activeForm", activeForm);
        model.put("noErrors", new FormErrors());
        model.put("districts", reference.districts());
        return model;
    }
}
