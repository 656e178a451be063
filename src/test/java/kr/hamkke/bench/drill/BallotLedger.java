package kr.hamkke.bench.drill;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the database holds for the drill's voters, read before the load and after the fault, and the
 * checks between the two: every acknowledged ballot present exactly once, no partial ballot, counts
 * (versions, receipts, audit entries, idempotency records) equal to the ballots acknowledged.
 */
final class BallotLedger {

    /** One voter's ballot on the track: version 0 = none. */
    record State(String identityHash, long ballotId, int version, long receipts, long currentReceipts, long audits,
                 List<Long> selections) {
    }

    private final String url;

    BallotLedger(String url) {
        this.url = url;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "root", "");
    }

    long trackId() throws SQLException {
        return number("SELECT id FROM pb_track WHERE code = 'ZW' ORDER BY id DESC LIMIT 1");
    }

    List<Long> projects(long trackId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM pb_project WHERE track_id = ? AND status = 'ON_BALLOT' ORDER BY id LIMIT 3")) {
            ps.setLong(1, trackId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    Map<String, State> states(long trackId, List<Voter> voters) throws SQLException {
        Map<String, State> out = new HashMap<>();
        try (Connection c = connect()) {
            for (Voter v : voters) {
                String identity = text(c, "SELECT v.identity_hash FROM account a JOIN verification v ON v.account_id = a.id WHERE a.email = ?", v.email);
                long ballot = 0;
                int version = 0;
                try (PreparedStatement ps = c.prepareStatement("SELECT id, version FROM pb_ballot WHERE track_id = ? AND identity_hash = ?")) {
                    ps.setLong(1, trackId);
                    ps.setString(2, identity);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            ballot = rs.getLong(1);
                            version = rs.getInt(2);
                        }
                    }
                }
                List<Long> selections = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT project_id FROM pb_ballot_selection WHERE ballot_id = ? ORDER BY project_id")) {
                    ps.setLong(1, ballot);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            selections.add(rs.getLong(1));
                        }
                    }
                }
                out.put(v.email, new State(identity, ballot, version,
                        count(c, "SELECT COUNT(*) FROM pb_receipt WHERE ballot_id = ?", ballot),
                        count(c, "SELECT COUNT(*) FROM pb_receipt WHERE ballot_id = ? AND superseded_at IS NULL", ballot),
                        count(c, "SELECT COUNT(*) FROM audit_event WHERE subject_type = 'pb_ballot' AND subject_id = ? "
                                + "AND action IN ('pb.ballot.submit', 'pb.ballot.change')", Long.toString(ballot)),
                        selections));
            }
        }
        return out;
    }

    /** Every rule of the drill; returns the problems found (empty = all held). */
    List<String> check(long trackId, List<Voter> voters, Map<String, State> before, Map<String, State> after, String keyPrefix)
            throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = connect()) {
            long duplicates = count(c, "SELECT COUNT(*) FROM (SELECT identity_hash FROM pb_ballot WHERE track_id = ? "
                    + "GROUP BY identity_hash HAVING COUNT(*) > 1) d", trackId);
            if (duplicates > 0) {
                problems.add(duplicates + " people hold more than one ballot");
            }
            long empty = count(c, "SELECT COUNT(*) FROM pb_ballot b WHERE b.track_id = ? AND b.source = 'ONLINE' AND b.version > 1 "
                    + "AND NOT EXISTS (SELECT 1 FROM pb_ballot_selection s WHERE s.ballot_id = b.id)", trackId);
            if (empty > 0) {
                problems.add(empty + " changed ballots without selections (partial writes)");
            }
            long orphans = count(c, "SELECT COUNT(*) FROM pb_receipt r LEFT JOIN pb_ballot b ON b.id = r.ballot_id WHERE r.track_id = ? AND b.id IS NULL", trackId);
            if (orphans > 0) {
                problems.add(orphans + " receipts without a ballot");
            }
            for (Voter v : voters) {
                State b = before.get(v.email);
                State a = after.get(v.email);
                List<Voter.Attempt> acked = v.attempts.stream().filter(Voter.Attempt::acknowledged).toList();
                long unknown = v.attempts.stream().filter(Voter.Attempt::unknown).count();
                if (unknown > 0) {
                    problems.add(v.email + ": " + unknown + " attempts still without an answer after the retries");
                }
                int processed = a.version() - b.version();
                if (processed != acked.size()) {
                    problems.add(v.email + ": " + acked.size() + " ballots acknowledged but the version moved by " + processed);
                }
                for (Voter.Attempt at : acked) {
                    if (at.ballotId != a.ballotId() || at.version <= b.version() || at.version > a.version()) {
                        problems.add(v.email + ": acknowledged ballot " + at.ballotId + " v" + at.version + " is not in the database (now "
                                + a.ballotId() + " v" + a.version() + ")");
                    }
                }
                if (acked.stream().map(at -> at.version).distinct().count() != acked.size()) {
                    problems.add(v.email + ": two acknowledgements name the same version");
                }
                if (a.receipts() - b.receipts() != processed) {
                    problems.add(v.email + ": " + (a.receipts() - b.receipts()) + " receipts for " + processed + " ballots");
                }
                if (a.audits() - b.audits() != processed) {
                    problems.add(v.email + ": " + (a.audits() - b.audits()) + " audit entries for " + processed + " ballots");
                }
                if (processed > 0 && a.currentReceipts() != 1) {
                    problems.add(v.email + ": " + a.currentReceipts() + " current receipts");
                }
                acked.stream().filter(at -> at.version == a.version()).findFirst().ifPresent(last -> {
                    if (!last.picks.stream().sorted().toList().equals(a.selections())) {
                        problems.add(v.email + ": the ballot holds " + a.selections() + " but the last acknowledged ballot chose " + last.picks);
                    }
                });
                long keys = count(c, "SELECT COUNT(*) FROM pb_idempotency i JOIN account a ON a.id = i.account_id WHERE a.email = ? AND i.idem_key LIKE ?",
                        v.email, keyPrefix + "%");
                if (keys != acked.size()) {
                    problems.add(v.email + ": " + keys + " idempotency records for " + acked.size() + " acknowledged ballots");
                }
            }
        }
        return problems;
    }

    long number(String sql) throws SQLException {
        try (Connection c = connect()) {
            return count(c, sql);
        }
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        String v = text(c, sql, args);
        return v == null ? 0 : Long.parseLong(v);
    }

    private static String text(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
