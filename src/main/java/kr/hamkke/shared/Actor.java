package kr.hamkke.shared;

/** Who performs a state change, as the audit log records it. accountId null = the system itself. */
public record Actor(Long accountId, String role) {

    public static final Actor SYSTEM = new Actor(null, "SYSTEM");

    public static Actor citizen(long accountId) {
        return new Actor(accountId, "CITIZEN");
    }
}
