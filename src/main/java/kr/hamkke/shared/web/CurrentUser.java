package kr.hamkke.shared.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The signed-in user as controllers and templates see it. */
public record CurrentUser(long accountId, String nickname, Collection<String> roles) {

    public static Optional<CurrentUser> of(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class).map(CurrentUser::from);
    }

    public static CurrentUser from(Authentication authentication) {
        Object nickname = authentication.getAttributes().get("nickname");
        return new CurrentUser(Long.parseLong(authentication.getName()),
                nickname == null ? "" : nickname.toString(), List.copyOf(authentication.getRoles()));
    }

    public static CurrentUser required(Authentication authentication) {
        if (authentication == null) {
            throw DomainException.notAllowed("unauthorized");
        }
        return from(authentication);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean verified() {
        return has("VERIFIED");
    }

    /** The actor for the audit log, named by the most senior role used for the action. */
    public Actor as(String role) {
        return new Actor(accountId, role);
    }

    public Actor asCitizen() {
        return new Actor(accountId, "CITIZEN");
    }
}
