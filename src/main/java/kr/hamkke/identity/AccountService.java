package kr.hamkke.identity;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Accounts: sign-up, sign-in with throttling, password change. The identity feature's entry point. */
@Singleton
public class AccountService {

    /** Failures from one client address within the lock window before it is refused outright. */
    static final int CLIENT_MAX_FAILURES = 30;

    private final AccountRepository accounts;
    private final RoleGrantRepository grants;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final JdbcOperations jdbc;
    private final IdentityConfig config;
    private final Clock clock;

    AccountService(AccountRepository accounts, RoleGrantRepository grants, PasswordHasher hasher,
                   AuditLog audit, JdbcOperations jdbc, IdentityConfig config, Clock clock) {
        this.accounts = accounts;
        this.grants = grants;
        this.hasher = hasher;
        this.audit = audit;
        this.jdbc = jdbc;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Account register(String email, String nickname, String password) {
        String normalized = normalizeEmail(email);
        if (accounts.existsByEmail(normalized)) {
            throw DomainException.conflict("email.taken");
        }
        if (accounts.existsByNickname(nickname.strip())) {
            throw DomainException.conflict("nickname.taken");
        }
        Account saved = accounts.save(Account.newAccount(normalized, hasher.hash(password), nickname.strip(), clock.instant()));
        audit.record(Actor.citizen(saved.id()), "account.register", "account", saved.id(), "nickname=" + saved.nickname());
        return saved;
    }

    /**
     * Checks a password. Five failures lock the account for a while; many failures from one client
     * address refuse that client. Either way the answer reveals nothing about the account.
     */
    @Transactional
    public SignInOutcome signIn(String email, String password, String clientKey) {
        Instant now = clock.instant();
        Duration window = Duration.ofMinutes(config.loginLockMinutes());
        if (recentClientFailures(clientKey, now.minus(window)) >= CLIENT_MAX_FAILURES) {
            hasher.burn(password);
            return SignInOutcome.failure("signin.throttled");
        }
        var found = accounts.findByEmail(normalizeEmail(email));
        if (found.isEmpty() || !"ACTIVE".equals(found.get().status())) {
            hasher.burn(password);
            recordAttempt(clientKey, false, now);
            return SignInOutcome.failure("signin.failed");
        }
        Account account = found.get();
        if (account.lockedAt(now)) {
            hasher.burn(password);
            recordAttempt(clientKey, false, now);
            return SignInOutcome.failure("signin.failed");
        }
        if (!hasher.matches(password, account.passwordHash())) {
            int failures = account.failedLogins() + 1;
            boolean lock = failures >= config.loginMaxFailures();
            accounts.update(account.withFailedLogins(lock ? 0 : failures, lock ? now.plus(window) : null));
            if (lock) {
                audit.record(Actor.SYSTEM, "account.lock", "account", account.id(), "failures=" + failures);
            }
            recordAttempt(clientKey, false, now);
            return SignInOutcome.failure("signin.failed");
        }
        if (account.failedLogins() > 0 || account.lockedUntil() != null) {
            accounts.update(account.withFailedLogins(0, null));
        }
        recordAttempt(clientKey, true, now);
        return SignInOutcome.success(new SignedInUser(account.id(), account.nickname(), account.email(), rolesOf(account.id())));
    }

    @Transactional
    public void changePassword(long accountId, String current, String replacement) {
        Account account = accounts.findById(accountId).orElseThrow(() -> DomainException.notFound("account"));
        if (!hasher.matches(current, account.passwordHash())) {
            throw DomainException.invalid("password.current.wrong");
        }
        accounts.update(account.withPasswordHash(hasher.hash(replacement)));
        audit.record(Actor.citizen(accountId), "account.password.change", "account", accountId, "");
    }

    /** Roles in force now: CITIZEN, VERIFIED when verified, and every active grant. */
    @Transactional(readOnly = true)
    public Set<String> rolesOf(long accountId) {
        Set<String> roles = new LinkedHashSet<>();
        roles.add(Role.CITIZEN.name());
        Boolean verified = jdbc.prepareStatement("SELECT 1 FROM verification WHERE account_id = ?", ps -> {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
        if (Boolean.TRUE.equals(verified)) {
            roles.add(Role.VERIFIED.name());
        }
        Instant now = clock.instant();
        grants.findByAccountId(accountId).stream().filter(g -> g.activeAt(now)).map(RoleGrant::role).forEach(roles::add);
        return roles;
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Account> find(long accountId) {
        return accounts.findById(accountId);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Account> findByEmail(String email) {
        return accounts.findByEmail(normalizeEmail(email));
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private int recentClientFailures(String clientKey, Instant since) {
        return jdbc.prepareStatement(
                "SELECT COUNT(*) FROM login_attempt WHERE client_key = ? AND at >= ? AND success = FALSE", ps -> {
                    ps.setString(1, clientKey);
                    ps.setTimestamp(2, Timestamp.from(since));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                });
    }

    private void recordAttempt(String clientKey, boolean success, Instant at) {
        jdbc.prepareStatement("INSERT INTO login_attempt (client_key, success, at) VALUES (?,?,?)", ps -> {
            ps.setString(1, clientKey);
            ps.setBoolean(2, success);
            ps.setTimestamp(3, Timestamp.from(at));
            return ps.executeUpdate();
        });
    }
}
