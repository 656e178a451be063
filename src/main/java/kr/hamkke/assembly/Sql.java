package kr.hamkke.assembly;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC helper for the assembly services (runs inside the caller's transaction). */
@Singleton
class Sql {

    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final JdbcOperations jdbc;

    Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    int update(String sql, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, params);
            return ps.executeUpdate();
        });
    }

    long insert(String sql, Object... params) {
        try {
            PreparedStatement ps = jdbc.getConnection().prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            try (ps) {
                bind(ps, params);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    <T> List<T> list(String sql, Row<T> row, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, params);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        });
    }

    /** The first row's value; empty when there is no row or its value is SQL NULL (e.g. a pool not yet frozen). */
    <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> all = list(sql, row, params);
        return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
    }

    long count(String sql, Object... params) {
        return one(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant in) {
                ps.setTimestamp(i + 1, Timestamp.from(in));
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    /** Duplicate keys become a DuplicateKey so services can answer 409. */
    static RuntimeException translate(SQLException e) {
        if (e instanceof java.sql.SQLIntegrityConstraintViolationException || "23000".equals(e.getSQLState())) {
            return new DuplicateKey(e);
        }
        return new IllegalStateException(e);
    }

    static boolean isDuplicate(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DuplicateKey || c instanceof java.sql.SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (c instanceof SQLException s && "23000".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static final class DuplicateKey extends RuntimeException {
        DuplicateKey(Throwable cause) {
            super(cause);
        }
    }
}
