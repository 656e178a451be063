package kr.hamkke.assembly;

import java.time.Instant;

/** An application to a cycle; demographics copied from the verified identity at application time. */
public record AssemblyApplication(long id, long cycleId, String code, long accountId, String ageBand, String gender,
                          String guCode, String motivation, String availability, boolean consentName,
                          String status, Instant createdAt) {
}
