package kr.hamkke.identity;

/** Sends a text message. Production plugs in the carrier's gateway; development writes an outbox. */
public interface SmsGateway {
    void send(String phone, String body);
}
