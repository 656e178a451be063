package kr.hamkke.budgetlines;

import io.micronaut.security.authentication.Authentication;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.web.CurrentUser;

/** Who sees what: budget staff and auditors read every line; everyone else reads published lines. */
final class Access {

    private Access() {
    }

    static boolean readsAll(Authentication authentication) {
        if (authentication == null) {
            return false;
        }
        CurrentUser u = CurrentUser.from(authentication);
        return u.has(Role.Names.BUDGET_STAFF) || u.has(Role.Names.AUDITOR);
    }

    static boolean edits(Authentication authentication) {
        return authentication != null && CurrentUser.from(authentication).has(Role.Names.BUDGET_STAFF);
    }
}
