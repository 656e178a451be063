package kr.hamkke.identity;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.time.Clock;
import java.util.List;

/** Grants and revokes roles; every change is audited with who did it. */
@Singleton
public class RoleService {

    private final RoleGrantRepository grants;
    private final AccountRepository accounts;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final Clock clock;

    RoleService(RoleGrantRepository grants, AccountRepository accounts, ReferenceData reference, AuditLog audit, Clock clock) {
        this.grants = grants;
        this.accounts = accounts;
        this.reference = reference;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public RoleGrant grant(Actor admin, long accountId, Role role, String scopeType, String scopeId) {
        if (!role.grantable()) {
            throw DomainException.invalid("role.not-grantable");
        }
        Account account = accounts.findById(accountId).orElseThrow(() -> DomainException.notFound("account"));
        String scope = scopeId == null ? "" : scopeId.strip();
        if ("ORG_UNIT".equals(scopeType) && !reference.isOrgUnit(scope)) {
            throw DomainException.invalid("role.scope.org-unit");
        }
        if ("GU".equals(scopeType) && !reference.isDistrict(scope)) {
            throw DomainException.invalid("role.scope.gu");
        }
        if (grants.findByAccountIdAndRoleAndScopeTypeAndScopeId(accountId, role.name(), scopeType, scope).isPresent()) {
            throw DomainException.conflict("role.already-granted");
        }
        RoleGrant saved = grants.save(new RoleGrant(null, accountId, role.name(), scopeType, scope, clock.instant(), null, admin.accountId()));
        if (role == Role.DEPT_REVIEWER && "ORG_UNIT".equals(scopeType)) {
            accounts.update(account.withOrgUnit(scope));
        }
        audit.record(admin, "role.grant", "account", accountId, "role=" + role + " scope=" + scopeType + ":" + scope);
        return saved;
    }

    @Transactional
    public void revoke(Actor admin, long grantId) {
        RoleGrant grant = grants.findById(grantId).orElseThrow(() -> DomainException.notFound("grant"));
        grants.delete(grant);
        audit.record(admin, "role.revoke", "account", grant.accountId(),
                "role=" + grant.role() + " scope=" + grant.scopeType() + ":" + grant.scopeId());
    }

    @Transactional(readOnly = true)
    public List<RoleGrant> grantsOf(long accountId) {
        return grants.findByAccountId(accountId);
    }

    @Transactional(readOnly = true)
    public List<Account> search(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        return accounts.findByEmailContainsOrNicknameContainsOrderByIdAsc(q, q).stream().limit(50).toList();
    }
}
