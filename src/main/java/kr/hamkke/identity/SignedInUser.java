package kr.hamkke.identity;

import java.util.Set;

/** What the token carries about a user: id, nickname and the roles in force at sign-in. */
public record SignedInUser(long accountId, String nickname, String email, Set<String> roles) {
}
