package kr.hamkke.identity;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import kr.hamkke.shared.web.ClientAddresses;

import java.util.Map;

/** Backs {@code POST /login} (JSON, returns a bearer token) with the same checks as the web form. */
@Singleton
class HamkkeAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    /** Resolved lazily: the security module probes providers while the context is still wiring. */
    private final BeanProvider<AccountService> accounts;

    private final ClientAddresses clientAddresses;

    HamkkeAuthenticationProvider(BeanProvider<AccountService> accounts, ClientAddresses clientAddresses) {
        this.accounts = accounts;
        this.clientAddresses = clientAddresses;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> authRequest) {
        String clientKey = clientAddresses.of(request);
        SignInOutcome outcome = accounts.get().signIn(authRequest.getIdentity(), authRequest.getSecret(), clientKey);
        return outcome.user()
                .map(HamkkeAuthenticationProvider::success)
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }

    static AuthenticationResponse success(SignedInUser user) {
        return AuthenticationResponse.success(Long.toString(user.accountId()), user.roles(),
                Map.of("nickname", user.nickname()));
    }
}
