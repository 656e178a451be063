package kr.hamkke.shared.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.Hashing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Runs an API action at most once per (account, Idempotency-Key). The key row is inserted first, in
 * the action's own transaction: a concurrent retry waits on that row's lock, then sees the committed
 * first answer and replays it; if the first attempt failed and rolled back, the retry runs afresh.
 * A crash before commit leaves neither the action nor the key, so the client's retry is safe.
 * The same key with a different request (method, path or body) is refused with 422.
 * Failed actions (4xx) are not remembered: they wrote nothing, and a retry re-checks the rule.
 */
@Singleton
public class IdempotentRequests {

    /** What a call returned: the first answer's status and body, and whether this is a replay. */
    public record Outcome<T>(int status, T body, boolean replayed) {
    }

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentRequests(JdbcOperations jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param key     the Idempotency-Key header, or null to just run the action
     * @param request a canonical description of the request (method, path, relevant body fields)
     * @param status  the status the first answer gets (e.g. 201)
     */
    @Transactional
    public <T> Outcome<T> once(long accountId, @Nullable String key, String request, Class<T> type, int status,
                               Supplier<T> action) {
        if (key == null) {
            return new Outcome<>(status, action.get(), false);
        }
        if (!IdempotencyKeys.valid(key)) {
            throw DomainException.invalid("idempotency.key-invalid");
        }
        String requestHash = Hashing.sha256Hex(request);
        Connection c = jdbc.getConnection();
        if (!claim(c, accountId, key, requestHash)) {
            return replay(c, accountId, key, requestHash, type);
        }
        T body = action.get();
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE idempotency_record SET status_code = ?, response = ? WHERE account_id = ? AND idem_key = ?")) {
            ps.setInt(1, status);
            ps.setString(2, json.writeValueAsString(body));
            ps.setLong(3, accountId);
            ps.setString(4, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Outcome<>(status, body, false);
    }

    /** Inserts the key row; false when it exists (committed by an earlier or concurrent attempt). */
    private boolean claim(Connection c, long accountId, String key, String requestHash) {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO idempotency_record (account_id, idem_key, request_hash, created_at) VALUES (?,?,?,?)")) {
            ps.setLong(1, accountId);
            ps.setString(2, key);
            ps.setString(3, requestHash);
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.executeUpdate();
            return true;
        } catch (SQLIntegrityConstraintViolationException e) {
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> Outcome<T> replay(Connection c, long accountId, String key, String requestHash, Class<T> type) {
        // A shared lock reads the latest committed row (not this transaction's snapshot) and, unlike
        // FOR UPDATE, does not deadlock with the other waiters that also hold a shared lock on it.
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT request_hash, status_code, response FROM idempotency_record
                WHERE account_id = ? AND idem_key = ? LOCK IN SHARE MODE""")) {
            ps.setLong(1, accountId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(3) == null) {
                    throw DomainException.conflict("idempotency.in-progress");
                }
                if (!requestHash.equals(rs.getString(1))) {
                    throw DomainException.invalid("idempotency.key-reused");
                }
                return new Outcome<>(rs.getInt(2), json.readValue(rs.getString(3), Argument.of(type)), true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
