package kr.hamkke.identity;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Clock;

/** Development gateway: messages land in sms_outbox, which admins can read in dev. */
@Singleton
class OutboxSmsGateway implements SmsGateway {

    private final JdbcOperations jdbc;
    private final Clock clock;

    OutboxSmsGateway(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void send(String phone, String body) {
        jdbc.prepareStatement("INSERT INTO sms_outbox (phone, body, created_at) VALUES (?,?,?)", ps -> {
            ps.setString(1, phone);
            ps.setString(2, body);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            return ps.executeUpdate();
        });
    }
}
