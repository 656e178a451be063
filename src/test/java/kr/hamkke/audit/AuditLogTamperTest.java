package kr.hamkke.audit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import kr.hamkke.shared.Actor;
import kr.hamkke.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class AuditLogTamperTest {

    @Inject
    Writer writer;
    @Inject
    AuditVerification verification;

    /** A stand-in for any feature service: one state change, one audit entry, one transaction. */
    @Singleton
    static class Writer {
        private final AuditLog audit;

        Writer(AuditLog audit) {
            this.audit = audit;
        }

        @Transactional
        void write(String summary) {
            audit.record(new Actor(1L, "ADMIN"), "test.write", "test", summary, summary);
        }

        @Transactional
        void writeThenFail(String summary) {
            audit.record(new Actor(1L, "ADMIN"), "test.write", "test", summary, summary);
            throw new IllegalStateException("rolled back");
        }
    }

    @Test
    void concurrentWritersKeepEveryChainIntactAndTamperingIsFound() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int n = i;
            futures.add(pool.submit(() -> writer.write("entry-" + n)));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        AuditVerification.Result intact = verification.verifyAll();
        assertTrue(intact.intact(), () -> intact.firstBroken().toString());
        assertTrue(intact.entriesVerified() >= 300);
        assertEquals(verification.head().head(), intact.head());

        long victim;
        try (Connection c = TestDatabase.connect(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT id FROM audit_event WHERE summary = 'entry-150'")) {
            rs.next();
            victim = rs.getLong(1);
        }
        try (Connection c = TestDatabase.connect()) {
            c.createStatement().executeUpdate("UPDATE audit_event SET summary = 'entry-150 (edited)' WHERE id = " + victim);
        }
        try {
            AuditVerification.Result tampered = verification.verifyAll();
            assertFalse(tampered.intact());
            assertEquals(victim, tampered.firstBroken().orElseThrow().id());
        } finally {
            try (Connection c = TestDatabase.connect()) {
                c.createStatement().executeUpdate("UPDATE audit_event SET summary = 'entry-150' WHERE id = " + victim);
            }
        }
        assertTrue(verification.verifyAll().intact());
    }

    @Test
    void aRolledBackChangeLeavesNoAuditEntry() throws Exception {
        assertThrows(IllegalStateException.class, () -> writer.writeThenFail("rolled-back-entry"));
        try (Connection c = TestDatabase.connect(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT COUNT(*) FROM audit_event WHERE summary = 'rolled-back-entry'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
        assertTrue(verification.verifyAll().intact());
    }

    @Test
    void auditRefusesToWriteOutsideATransaction() {
        // MANDATORY propagation: an entry can only exist together with the change it records.
        assertThrows(RuntimeException.class, () -> writerAudit().record(Actor.SYSTEM, "x", "y", 1, "z"));
    }

    @Inject
    AuditLog auditLog;

    private AuditLog writerAudit() {
        return auditLog;
    }
}
