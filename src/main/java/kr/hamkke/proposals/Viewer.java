package kr.hamkke.proposals;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import kr.hamkke.identity.VerificationService;
import kr.hamkke.identity.VerifiedIdentity;
import kr.hamkke.identity.eligibility.Eligibility;
import kr.hamkke.identity.eligibility.ReasonCode;
import kr.hamkke.identity.eligibility.Requirement;
import kr.hamkke.shared.web.CurrentUser;

/** Who is looking at a page: account, identity hash (if verified) and posting eligibility. */
@Singleton
class Viewer {

    private final VerificationService verifications;

    Viewer(VerificationService verifications) {
        this.verifications = verifications;
    }

    record Of(Long accountId, String identityHash, CurrentUser user) {
    }

    Of of(Authentication auth) {
        if (auth == null) {
            return new Of(null, null, null);
        }
        CurrentUser user = CurrentUser.from(auth);
        String hash = verifications.find(user.accountId()).map(VerifiedIdentity::identityHash).orElse(null);
        return new Of(user.accountId(), hash, user);
    }

    /** Why this person may (not) post, support or take a position while the window is open/closed. */
    ReasonCode posting(Authentication auth, boolean open) {
        return Eligibility.check(verifications.personFor(auth == null ? null : CurrentUser.from(auth).accountId()),
                Requirement.posting(open));
    }
}
