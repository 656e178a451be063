package kr.hamkke.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** A sign-in account. Public pages show the nickname, never a real name. */
@MappedEntity("account")
public record Account(
        @Id @GeneratedValue @Nullable Long id,
        String email,
        String passwordHash,
        String nickname,
        String locale,
        String status,
        @Nullable String orgUnitCode,
        int failedLogins,
        @Nullable Instant lockedUntil,
        Instant createdAt,
        @Version @Nullable Long version) {

    public static Account newAccount(String email, String passwordHash, String nickname, Instant now) {
        return new Account(null, email, passwordHash, nickname, "ko", "ACTIVE", null, 0, null, now, null);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Account withFailedLogins(int failures, @Nullable Instant lockUntil) {
        return new Account(id, email, passwordHash, nickname, locale, status, orgUnitCode, failures, lockUntil, createdAt, version);
    }

    public Account withPasswordHash(String hash) {
        return new Account(id, email, hash, nickname, locale, status, orgUnitCode, failedLogins, lockedUntil, createdAt, version);
    }

    public Account withOrgUnit(@Nullable String code) {
        return new Account(id, email, passwordHash, nickname, locale, status, code, failedLogins, lockedUntil, createdAt, version);
    }
}
