package kr.hamkke.identity;

import java.util.Optional;

/** Result of a sign-in attempt. Failures never say whether the account exists. */
public record SignInOutcome(Optional<SignedInUser> user, String failureCode) {

    public static SignInOutcome success(SignedInUser user) {
        return new SignInOutcome(Optional.of(user), null);
    }

    public static SignInOutcome failure(String code) {
        return new SignInOutcome(Optional.empty(), code);
    }

    public boolean succeeded() {
        return user.isPresent();
    }
}
