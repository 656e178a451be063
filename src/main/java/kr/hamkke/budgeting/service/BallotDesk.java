package kr.hamkke.budgeting.service;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import kr.hamkke.budgeting.ballot.BallotPick;
import kr.hamkke.shared.Actor;

/**
 * Front door for ballot changes: requests for the same person queue on an in-process striped lock
 * before a transaction (and a pooled connection) is taken, so a burst of attempts by one person
 * cannot exhaust the pool. The database locks and UNIQUE(track_id, identity_hash) in
 * {@link BallotService} remain the guarantee across instances.
 */
@Singleton
public class BallotDesk {

    private static final int STRIPES = 256;

    private final BallotService ballots;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    BallotDesk(BallotService ballots) {
        this.ballots = ballots;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock(true);
        }
    }

    private <T> T serialised(String key, Supplier<T> action) {
        if (key == null) {
            return action.get();
        }
        ReentrantLock lock = locks[Math.floorMod(key.hashCode(), STRIPES)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public BallotService.Receipt submitOnline(long accountId, boolean committeeMember, long trackId, List<BallotPick> picks, String idempotencyKey) {
        return serialised(ballots.identityHashOfAccount(accountId),
                () -> ballots.submitOnline(accountId, committeeMember, trackId, picks, idempotencyKey));
    }

    public BallotService.Receipt submitAtBooth(Actor officer, String officerGu, String email, LocalDate birthDate, long trackId, List<BallotPick> picks) {
        return serialised(ballots.identityHashOfEmail(email),
                () -> ballots.submitAtBooth(officer, officerGu, email, birthDate, trackId, picks));
    }

    public void issuePaper(Actor officer, String officerGu, String email, LocalDate birthDate, long trackId, String serial, String booth) {
        serialised(ballots.identityHashOfEmail(email), () -> {
            ballots.issuePaper(officer, officerGu, email, birthDate, trackId, serial, booth);
            return null;
        });
    }
}
