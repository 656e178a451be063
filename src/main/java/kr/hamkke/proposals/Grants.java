package kr.hamkke.proposals;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/** Scoped role checks (the token carries role names only, not their scope). */
@Singleton
class Grants {

    private final Db db;
    private final Clock clock;

    Grants(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Org units this account reviews for (DEPT_REVIEWER with ORG_UNIT scope). */
    @Transactional(readOnly = true)
    List<String> reviewerOrgUnits(long accountId) {
        return db.list("""
                SELECT scope_id FROM role_grant WHERE account_id = ? AND role = 'DEPT_REVIEWER' AND scope_type = 'ORG_UNIT'
                AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)""", rs -> rs.getString(1),
                accountId, clock.instant(), clock.instant());
    }

    @Transactional(readOnly = true)
    boolean reviewsFor(long accountId, String orgUnit) {
        return orgUnit != null && reviewerOrgUnits(accountId).contains(orgUnit);
    }
}
