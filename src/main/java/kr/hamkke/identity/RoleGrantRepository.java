package kr.hamkke.identity;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RoleGrantRepository extends CrudRepository<RoleGrant, Long> {

    List<RoleGrant> findByAccountId(long accountId);

    Optional<RoleGrant> findByAccountIdAndRoleAndScopeTypeAndScopeId(long accountId, String role, String scopeType, String scopeId);
}
