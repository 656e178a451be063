package kr.hamkke.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A role held within a scope (GLOBAL, ORG_UNIT, GU, CYCLE, PROCESS) for a period. */
@MappedEntity("role_grant")
public record RoleGrant(
        @Id @GeneratedValue @Nullable Long id,
        long accountId,
        String role,
        String scopeType,
        String scopeId,
        Instant validFrom,
        @Nullable Instant validTo,
        @Nullable Long grantedBy) {

    public boolean activeAt(Instant now) {
        return !validFrom.isAfter(now) && (validTo == null || validTo.isAfter(now));
    }
}
