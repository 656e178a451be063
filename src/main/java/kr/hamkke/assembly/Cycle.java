package kr.hamkke.assembly;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One 서울시민회의 cycle (DOMAIN §6.1). */
public record Cycle(long id, String name, int year, int seats, int reserveSeats, Status status,
                    LocalDate recruitOpens, LocalDate recruitCloses, LocalDate drawDate,
                    LocalDate meeting1, LocalDate meeting2, LocalDate meeting3, LocalDate plenary,
                    String quotaCsv, String commitment, Instant committedAt, String poolHash, Instant frozenAt,
                    String beacon, String secret, Integer historicMembers, String historicNote) {

    public enum Status {
        PLANNING, RECRUITING, DRAWN, APPOINTING, MEETING_1, MEETING_2, MEETING_3, PLENARY, HANDED_OFF, RESPONDED, CLOSED;

        public Status next() {
            return this == CLOSED ? CLOSED : values()[ordinal() + 1];
        }

        public boolean atLeast(Status other) {
            return ordinal() >= other.ordinal();
        }
    }

    public record Agenda(long id, int seq, String title, String description) {
    }

    public boolean frozen() {
        return frozenAt != null;
    }

    public boolean drawn() {
        return status.atLeast(Status.DRAWN) && historicMembers == null;
    }

    public boolean historic() {
        return historicMembers != null;
    }

    public List<Status> statuses() {
        return List.of(Status.values());
    }
}
