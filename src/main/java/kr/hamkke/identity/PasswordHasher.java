package kr.hamkke.identity;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/** BCrypt, cost 10: slow enough to resist offline guessing, fast enough for sign-in under load. */
@Singleton
public class PasswordHasher {

    private static final int COST = 10;
    /** A hash of a random password, checked on unknown accounts so timing does not reveal them. */
    private static final String DUMMY = BCrypt.withDefaults().hashToString(COST, "no-such-account-1234".toCharArray());

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the same time as a real check, for accounts that do not exist. */
    public void burn(String password) {
        matches(password, DUMMY);
    }
}
