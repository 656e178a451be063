package kr.hamkke.budgeting.service;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC helper over the transaction-bound connection: positional parameters, row mappers. */
@Singleton
public class Db {

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final JdbcOperations jdbc;

    Db(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public <T> List<T> list(String sql, Row<T> row, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        });
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        List<T> all = list(sql, row, args);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    public long count(String sql, Object... args) {
        return one(sql, rs -> rs.getLong(1), args).orElse(0L);
    }

    public int update(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            return ps.executeUpdate();
        });
    }

    public long insert(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet rs = jdbc.getConnection().createStatement().executeQuery("SELECT LAST_INSERT_ID()")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Many rows with one statement in JDBC batches (demo seeding). */
    public void batch(String sql, List<Object[]> rows) {
        jdbc.prepareStatement(sql, ps -> {
            int n = 0;
            for (Object[] args : rows) {
                bind(ps, args);
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            return n;
        });
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant t) {
                ps.setTimestamp(i + 1, Timestamp.from(t));
            } else if (a instanceof LocalDate d) {
                ps.setObject(i + 1, d);
            } else if (a instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }
}
