package kr.hamkke.audit;

import kr.hamkke.audit.chain.AuditChain;
import kr.hamkke.audit.chain.ChainVerifier;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar hamkke.jar audit-verify --url JDBC_URL [--user U] [--password P]}: re-checks every
 * link of every audit chain straight from the database (or a restored dump), without the app.
 * Exit 0 intact, 1 broken (first broken link printed), 2 usage or connection problem.
 */
public final class AuditVerifyCommand {

    private AuditVerifyCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String url = null;
        String user = "root";
        String password = "";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--user" -> user = args[i + 1];
                case "--password" -> password = args[i + 1];
                default -> {
                    err.println("audit-verify: unknown argument " + args[i]);
                    return 2;
                }
            }
        }
        if (url == null) {
            err.println("usage: audit-verify --url JDBC_URL [--user USER] [--password PASSWORD]");
            return 2;
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            long total = 0;
            List<String> heads = new ArrayList<>();
            for (int chain = 0; chain < AuditLog.CHAINS; chain++) {
                ChainVerifier verifier = new ChainVerifier(chain);
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT id, chain_no, seq, occurred_at, actor_id, actor_role, action, subject_type,
                               subject_id, summary, reason, prev_hash, hash
                        FROM audit_event WHERE chain_no = ? ORDER BY seq""")) {
                    ps.setInt(1, chain);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next() && verifier.accept(AuditVerification.read(rs))) {
                            // keep reading while the chain holds
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_chain_head WHERE chain_no = ?")) {
                    ps.setInt(1, chain);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        verifier.finish(rs.getLong(1), rs.getString(2));
                        heads.add(rs.getString(2));
                    }
                }
                total += verifier.verified();
                if (verifier.broken().isPresent()) {
                    var b = verifier.broken().get();
                    out.println("{\"intact\": false, \"chain\": " + b.chainNo() + ", \"seq\": " + b.seq()
                            + ", \"id\": " + b.id() + ", \"problem\": \"" + b.problem() + "\"}");
                    return 1;
                }
            }
            out.println("{\"intact\": true, \"entries\": " + total + ", \"head\": \"" + AuditChain.combinedHead(heads) + "\"}");
            return 0;
        } catch (SQLException e) {
            err.println("audit-verify: cannot read the database: " + e.getMessage());
            return 2;
        }
    }
}
