package kr.hamkke.identity;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.Hashing;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Phone-code provider (휴대폰 본인인증 stand-in). The carrier would vouch for the person and return
 * their CI; here the CI is derived from what the person typed (DemoVerifier in DOMAIN §3), and the
 * phone proves possession with a 6-digit code. Only hashes of the code are stored.
 */
@Singleton
public class PhoneVerification implements VerificationProvider {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;
    static final int MAX_CODES_PER_HOUR = 5;

    private final JdbcOperations jdbc;
    private final IdentityHasher hasher;
    private final SmsGateway sms;
    private final VerificationService verifications;
    private final AuditLog audit;
    private final Clock clock;

    PhoneVerification(JdbcOperations jdbc, IdentityHasher hasher, SmsGateway sms,
                      VerificationService verifications, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.sms = sms;
        this.verifications = verifications;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "PHONE";
    }

    public record Request(String name, LocalDate birthDate, String gender, String phone, String guCode, String relation) {
    }

    @Transactional
    public void sendCode(long accountId, Request request) {
        Instant now = clock.instant();
        if (codesSince(accountId, now.minus(Duration.ofHours(1))) >= MAX_CODES_PER_HOUR) {
            throw DomainException.conflict("verification.phone.too-many-codes");
        }
        String phone = request.phone().replaceAll("[^0-9]", "");
        String code = String.format("%06d", Hashing.randomDigits(6));
        String ci = hasher.identity("CI" + hasher.name(request.name()) + request.birthDate() + phone);
        jdbc.prepareStatement("""
                INSERT INTO phone_challenge (account_id, phone, code_hash, identity_hash, birth_date, gender,
                  gu_code, relation, expires_at, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)""", ps -> {
            ps.setLong(1, accountId);
            ps.setString(2, phone);
            ps.setString(3, hasher.code(code));
            ps.setString(4, ci);
            ps.setObject(5, request.birthDate());
            ps.setString(6, request.gender());
            ps.setString(7, request.guCode());
            ps.setString(8, request.relation());
            ps.setTimestamp(9, Timestamp.from(now.plus(CODE_LIFETIME)));
            ps.setTimestamp(10, Timestamp.from(now));
            return ps.executeUpdate();
        });
        sms.send(phone, "[함께서울] 본인확인 인증번호 " + code + " (5분 안에 입력하세요)");
        audit.record(Actor.citizen(accountId), "identity.phone.code-sent", "account", accountId, "phone=***" + last4(phone));
    }

    /**
     * Confirms the newest open code. A wrong code returns false (and counts towards the limit, after
     * which a new code is needed); a refused verification rolls everything back.
     */
    @Transactional
    public boolean confirm(long accountId, String code) {
        Instant now = clock.instant();
        Challenge challenge = jdbc.prepareStatement("""
                SELECT id, code_hash, identity_hash, birth_date, gender, gu_code, relation, attempts, expires_at
                FROM phone_challenge WHERE account_id = ? AND consumed_at IS NULL
                ORDER BY id DESC LIMIT 1 FOR UPDATE""", ps -> {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Challenge(rs.getLong(1), rs.getString(2), new Proof(rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), null, rs.getString(7)),
                        rs.getInt(8), rs.getTimestamp(9).toInstant());
            }
        });
        if (challenge == null || challenge.expiresAt().isBefore(now) || challenge.attempts() >= MAX_ATTEMPTS) {
            throw DomainException.invalid("verification.phone.expired");
        }
        if (!Hashing.same(challenge.codeHash(), hasher.code(code == null ? "" : code.strip()))) {
            jdbc.prepareStatement("UPDATE phone_challenge SET attempts = attempts + 1 WHERE id = ?", ps -> {
                ps.setLong(1, challenge.id());
                return ps.executeUpdate();
            });
            return false;
        }
        jdbc.prepareStatement("UPDATE phone_challenge SET consumed_at = ? WHERE id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, challenge.id());
            return ps.executeUpdate();
        });
        verifications.record(accountId, id(), challenge.proof());
        return true;
    }

    private record Challenge(long id, String codeHash, Proof proof, int attempts, Instant expiresAt) {
    }

    private int codesSince(long accountId, Instant since) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM phone_challenge WHERE account_id = ? AND created_at >= ?", ps -> {
            ps.setLong(1, accountId);
            ps.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static String last4(String phone) {
        return phone.length() <= 4 ? phone : phone.substring(phone.length() - 4);
    }
}
