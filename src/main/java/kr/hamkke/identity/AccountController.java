package kr.hamkke.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import jakarta.validation.Validator;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.ClientAddresses;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.FormErrors;
import kr.hamkke.shared.web.LocalPaths;
import kr.hamkke.shared.web.Pages;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Sign-up, sign-in, sign-out and password change pages. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountController {

    private final AccountService accounts;
    private final SessionCookies session;
    private final Validator validator;
    private final Pages pages;
    private final ClientAddresses clientAddresses;

    AccountController(AccountService accounts, SessionCookies session, Validator validator, Pages pages,
                      ClientAddresses clientAddresses) {
        this.clientAddresses = clientAddresses;
        this.accounts = accounts;
        this.session = session;
        this.validator = validator;
        this.pages = pages;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/signin")
    @Produces(MediaType.TEXT_HTML)
    @View("identity/signin")
    Map<String, Object> signInPage(@Nullable @QueryValue String next) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", new SignInForm("", "", LocalPaths.safe(next)));
        return model;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/signin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> signIn(HttpRequest<?> request, @Body SignInForm form) {
        FormErrors errors = FormErrors.of(validator.validate(form), SignInForm.FIELDS);
        if (errors.isEmpty()) {
            SignInOutcome outcome = accounts.signIn(form.email(), form.password(), clientAddresses.of(request));
            if (outcome.succeeded()) {
                MutableHttpResponse<?> response = Flash.redirect(LocalPaths.safe(form.next()), "notice.signed-in");
                session.signIn(response, outcome.user().orElseThrow());
                return response;
            }
            errors.add("email", "error." + outcome.failureCode());
        }
        return rerender(request, "identity/signin", new SignInForm(form.email(), "", form.next()), errors);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/signout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> signOut() {
        MutableHttpResponse<?> response = Flash.redirect("/", "notice.signed-out");
        session.signOut(response);
        return response;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/signup")
    @Produces(MediaType.TEXT_HTML)
    @View("identity/signup")
    Map<String, Object> signUpPage() {
        return Map.of("form", new SignUpForm("", "", "", "", null));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/signup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> signUp(HttpRequest<?> request, @Body SignUpForm form) {
        FormErrors errors = FormErrors.of(validator.validate(form), SignUpForm.FIELDS);
        if (form.password() != null && !form.password().equals(form.passwordConfirm())) {
            errors.add("passwordConfirm", "form.password.mismatch");
        }
        if (!form.agreed()) {
            errors.add("agree", "form.agree.required");
        }
        if (errors.isEmpty()) {
            try {
                Account account = accounts.register(form.email(), form.nickname(), form.password());
                MutableHttpResponse<?> response = Flash.redirect("/verify", "notice.registered");
                session.signIn(response, new SignedInUser(account.id(), account.nickname(), account.email(),
                        accounts.rolesOf(account.id())));
                return response;
            } catch (DomainException e) {
                errors.add(e.code().startsWith("email") ? "email" : "nickname", "error." + e.code());
            }
        }
        return rerender(request, "identity/signup", new SignUpForm(form.email(), form.nickname(), "", "", form.agree()), errors);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/account")
    @Produces(MediaType.TEXT_HTML)
    @View("identity/account")
    Map<String, Object> accountPage(Authentication authentication) {
        CurrentUser user = CurrentUser.from(authentication);
        Map<String, Object> model = new HashMap<>();
        model.put("account", accounts.find(user.accountId()).orElseThrow(() -> DomainException.notFound("account")));
        model.put("roles", accounts.rolesOf(user.accountId()));
        model.put("form", new PasswordForm("", "", ""));
        return model;
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/account/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> changePassword(HttpRequest<?> request, Authentication authentication, @Body PasswordForm form) {
        CurrentUser user = CurrentUser.from(authentication);
        FormErrors errors = FormErrors.of(validator.validate(form), PasswordForm.FIELDS);
        if (form.newPassword() != null && !form.newPassword().equals(form.newPasswordConfirm())) {
            errors.add("newPasswordConfirm", "form.password.mismatch");
        }
        if (errors.isEmpty()) {
            try {
                accounts.changePassword(user.accountId(), form.currentPassword(), form.newPassword());
                return Flash.redirect("/account", "notice.password-changed");
            } catch (DomainException e) {
                errors.add("currentPassword", "error." + e.code());
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("account", accounts.find(user.accountId()).orElseThrow());
        model.put("roles", accounts.rolesOf(user.accountId()));
        model.put("form", new PasswordForm("", "", ""));
        model.put("errors", errors);
        return pages.invalid(request, "identity/account", model);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> language(@Body Map<String, String> form) {
        String lang = "en".equals(form.get("lang")) ? "en" : "ko";
        return HttpResponse.seeOther(URI.create(LocalPaths.safe(form.get("back"))))
                .cookie(io.micronaut.http.cookie.Cookie.of("lang", lang).path("/").maxAge(31536000)
                        .sameSite(io.micronaut.http.cookie.SameSite.Lax));
    }

    private MutableHttpResponse<?> rerender(HttpRequest<?> request, String view, Object form, FormErrors errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        return pages.invalid(request, view, model);
    }
}
