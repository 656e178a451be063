package kr.hamkke.proposals;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keyword search index: every distinct two-character piece (bigram) of a proposal's {@code search_text}
 * in {@code proposal_gram} (V13). A keyword of two or more characters then finds its candidates through
 * the primary key (gram, proposal_id) — the database starts from the rarest of the keyword's bigrams — and
 * the LIKE on {@code search_text} still decides, so results are exactly those of the substring match.
 * Works the same on MariaDB and MySQL (no ngram parser needed). Written in the same transaction as the text.
 */
@Singleton
public class SearchGrams {

    /** A keyword's bigrams used to find candidates: first, last and evenly spread ones, at most this many. */
    static final int MAX_QUERY_GRAMS = 4;

    private final Db db;

    SearchGrams(Db db) {
        this.db = db;
    }

    /** Replaces the proposal's bigrams (call where search_text is written, inside that transaction). */
    public void index(long proposalId, String searchText) {
        db.update("DELETE FROM proposal_gram WHERE proposal_id = ?", proposalId);
        List<String> grams = new ArrayList<>(bigrams(searchText));
        for (int from = 0; from < grams.size(); from += 500) {
            List<String> chunk = grams.subList(from, Math.min(grams.size(), from + 500));
            Object[] args = new Object[chunk.size() * 2];
            for (int i = 0; i < chunk.size(); i++) {
                args[2 * i] = chunk.get(i);
                args[2 * i + 1] = proposalId;
            }
            db.update("INSERT INTO proposal_gram (gram, proposal_id) VALUES "
                    + String.join(",", Collections.nCopies(chunk.size(), "(?,?)")), args);
        }
    }

    /** Distinct bigrams by code point (as SUBSTRING(text, n, 2) counts characters in utf8mb4). */
    static Set<String> bigrams(String normalized) {
        Set<String> out = new LinkedHashSet<>();
        int[] cps = normalized.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
        return out;
    }

    /** The keyword's bigrams to look up (empty for a one-character keyword: that one falls back to LIKE alone). */
    static List<String> queryGrams(String normalizedKeyword) {
        List<String> all = new ArrayList<>(bigrams(normalizedKeyword));
        if (all.size() <= MAX_QUERY_GRAMS) {
            return all;
        }
        Set<String> picked = new LinkedHashSet<>();
        for (int k = 0; k < MAX_QUERY_GRAMS; k++) {
            picked.add(all.get((int) Math.round(k * (all.size() - 1) / (double) (MAX_QUERY_GRAMS - 1))));
        }
        return new ArrayList<>(picked);
    }

    /**
     * SQL condition on {@code p.id} for the candidate proposals (joins on the primary key, so the optimizer
     * drives from the smallest posting list), with its arguments appended to {@code args}.
     */
    static String candidates(List<String> grams, List<Object> args) {
        StringBuilder sql = new StringBuilder(" AND p.id IN (SELECT g0.proposal_id FROM proposal_gram g0");
        for (int i = 1; i < grams.size(); i++) {
            sql.append(" JOIN proposal_gram g").append(i).append(" ON g").append(i).append(".proposal_id = g0.proposal_id AND g")
                    .append(i).append(".gram = ?");
        }
        sql.append(" WHERE g0.gram = ?)");
        for (int i = 1; i < grams.size(); i++) {
            args.add(grams.get(i));
        }
        args.add(grams.get(0));
        return sql.toString();
    }
}
