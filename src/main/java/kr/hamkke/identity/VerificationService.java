package kr.hamkke.identity;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.identity.eligibility.Person;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.sql.ResultSet;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records a verified identity for an account. UNIQUE(identity_hash) in the database is the
 * guarantee that one person verifies one account, even under concurrent attempts.
 */
@Singleton
public class VerificationService {

    private final JdbcOperations jdbc;
    private final AuditLog audit;
    private final Clock clock;

    VerificationService(JdbcOperations jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Must run inside the provider's transaction, so a refused duplicate changes nothing. */
    @Transactional(propagation = io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY)
    void record(long accountId, String provider, VerificationProvider.Proof proof) {
        if (find(accountId).isPresent()) {
            throw DomainException.conflict("verification.already-verified");
        }
        if (identityTaken(proof.identityHash())) {
            throw DomainException.conflict("verification.identity-taken");
        }
        var now = Timestamp.from(clock.instant());
        try {
            jdbc.prepareStatement("""
                    INSERT INTO verification (account_id, identity_hash, birth_date, gender, provider, verified_at)
                    VALUES (?,?,?,?,?,?)""", ps -> {
                ps.setLong(1, accountId);
                ps.setString(2, proof.identityHash());
                ps.setObject(3, proof.birthDate());
                ps.setString(4, proof.gender());
                ps.setString(5, provider);
                ps.setTimestamp(6, now);
                return ps.executeUpdate();
            });
        } catch (DataAccessException e) {
            if (isDuplicate(e)) {
                throw DomainException.conflict("verification.identity-taken");
            }
            throw e;
        }
        jdbc.prepareStatement("""
                INSERT INTO relation (account_id, kind, gu_code, dong_code, declared_at) VALUES (?,?,?,?,?)""", ps -> {
            ps.setLong(1, accountId);
            ps.setString(2, proof.relation());
            ps.setString(3, proof.guCode());
            ps.setString(4, proof.dongCode());
            ps.setTimestamp(5, now);
            return ps.executeUpdate();
        });
        audit.record(Actor.citizen(accountId), "identity.verify", "account", accountId, "provider=" + provider);
    }

    /**
     * The account's verified identity. Memoised on the current HTTP request (found identities only; a
     * verification is never changed or removed once made): a signed-in page asked up to four times (layout,
     * viewer, eligibility, service), two queries each (docs/PERFORMANCE.md).
     */
    @Transactional(readOnly = true)
    public Optional<VerifiedIdentity> find(long accountId) {
        String key = "hamkke.verified." + accountId;
        Optional<io.micronaut.http.HttpRequest<Object>> request = io.micronaut.http.context.ServerRequestContext.currentRequest();
        Optional<VerifiedIdentity> memo = request.flatMap(r -> r.getAttribute(key, VerifiedIdentity.class));
        if (memo.isPresent()) {
            return memo;
        }
        Optional<VerifiedIdentity> found = load(accountId);
        found.ifPresent(v -> request.ifPresent(r -> r.setAttribute(key, v)));
        return found;
    }

    private Optional<VerifiedIdentity> load(long accountId) {
        return jdbc.prepareStatement(
                "SELECT identity_hash, birth_date, gender FROM verification WHERE account_id = ?", ps -> {
                    ps.setLong(1, accountId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        return Optional.of(new VerifiedIdentity(accountId, rs.getString(1),
                                rs.getObject(2, LocalDate.class), rs.getString(3), relations(accountId)));
                    }
                });
    }

    /** The eligibility view of an account: anonymous, signed-in only, or verified with relations. */
    @Transactional(readOnly = true)
    public Person personFor(Long accountId) {
        if (accountId == null) {
            return Person.ANONYMOUS;
        }
        return find(accountId).map(VerifiedIdentity::asPerson)
                .orElse(new Person(true, false, null, List.of()));
    }

    private List<Person.Relation> relations(long accountId) {
        return jdbc.prepareStatement("SELECT kind, gu_code, dong_code FROM relation WHERE account_id = ? ORDER BY id", ps -> {
            ps.setLong(1, accountId);
            List<Person.Relation> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Person.Relation(Person.RelationKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)));
                }
            }
            return list;
        });
    }

    private boolean identityTaken(String identityHash) {
        return jdbc.prepareStatement("SELECT 1 FROM verification WHERE identity_hash = ?", ps -> {
            ps.setString(1, identityHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
