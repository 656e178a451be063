package kr.hamkke.identity;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Census provider: staff import a list of eligible people (CSV); a citizen proves who they are by
 * name, birth date and identity number matching one row.
 */
@Singleton
public class CensusVerification implements VerificationProvider {

    static final String HEADER = "name,birth_date,gender,gu_code,dong_code,relation,identity_number";
    private static final Set<String> RELATIONS = Set.of("RESIDENT", "WORKER", "STUDENT");

    public record ImportResult(int imported, List<String> rowErrors) {
    }

    private final JdbcOperations jdbc;
    private final IdentityHasher hasher;
    private final VerificationService verifications;
    private final AuditLog audit;
    private final Clock clock;

    CensusVerification(JdbcOperations jdbc, IdentityHasher hasher, VerificationService verifications,
                       AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.verifications = verifications;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "CENSUS";
    }

    @Transactional
    public void verify(long accountId, String name, LocalDate birthDate, String identityNumber) {
        String identityHash = hasher.identity(identityNumber);
        Proof proof = jdbc.prepareStatement("""
                SELECT birth_date, gender, gu_code, dong_code, relation FROM census_person
                WHERE identity_hash = ? AND name_hash = ?""", ps -> {
            ps.setString(1, identityHash);
            ps.setString(2, hasher.name(name));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getObject(1, LocalDate.class).equals(birthDate)) {
                    return null;
                }
                return new Proof(identityHash, birthDate, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
            }
        });
        if (proof == null) {
            throw DomainException.invalid("verification.census.no-match");
        }
        verifications.record(accountId, id(), proof);
    }

    /**
     * Imports rows; a row with an error is skipped and reported, the others are imported. A person
     * already in the census is updated (their address may have changed).
     */
    @Transactional
    public ImportResult importCsv(String csv, Actor actor) {
        List<String> errors = new ArrayList<>();
        int imported = 0;
        try (BufferedReader reader = new BufferedReader(new StringReader(csv.replace("\uFEFF", "")))) {
            String header = reader.readLine();
            if (header == null || !header.strip().equalsIgnoreCase(HEADER)) {
                throw DomainException.invalid("census.header");
            }
            String line;
            int row = 1;
            while ((line = reader.readLine()) != null) {
                row++;
                if (line.isBlank()) {
                    continue;
                }
                Optional<String> problem = importRow(line.split(",", -1));
                if (problem.isPresent()) {
                    errors.add(row + ": " + problem.get());
                } else {
                    imported++;
                }
            }
        } catch (IOException e) {
            throw DomainException.invalid("census.unreadable");
        }
        audit.record(actor, "census.import", "census", "import", "rows=" + imported + " errors=" + errors.size());
        return new ImportResult(imported, errors);
    }

    private Optional<String> importRow(String[] f) {
        if (f.length != 7) {
            return Optional.of("7 columns expected, found " + f.length);
        }
        String name = f[0].strip();
        String gender = f[2].strip();
        String gu = f[3].strip();
        String dong = f[4].strip();
        String relation = f[5].strip().toUpperCase();
        String number = f[6].strip();
        LocalDate birth;
        try {
            birth = LocalDate.parse(f[1].strip());
        } catch (DateTimeParseException e) {
            return Optional.of("birth_date must be YYYY-MM-DD");
        }
        if (name.isEmpty() || number.length() < 6) {
            return Optional.of("name and identity_number are required");
        }
        if (!gender.equals("M") && !gender.equals("F")) {
            return Optional.of("gender must be M or F");
        }
        if (!RELATIONS.contains(relation)) {
            return Optional.of("relation must be RESIDENT, WORKER or STUDENT");
        }
        if (!gu.matches("11\\d{3}")) {
            return Optional.of("gu_code must be a Seoul 자치구 code (11xxx)");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.prepareStatement("""
                INSERT INTO census_person (identity_hash, name_hash, birth_date, gender, gu_code, dong_code, relation, imported_at)
                VALUES (?,?,?,?,?,?,?,?)
                ON DUPLICATE KEY UPDATE name_hash = VALUES(name_hash), birth_date = VALUES(birth_date),
                  gender = VALUES(gender), gu_code = VALUES(gu_code), dong_code = VALUES(dong_code),
                  relation = VALUES(relation), imported_at = VALUES(imported_at)""", ps -> {
            ps.setString(1, hasher.identity(number));
            ps.setString(2, hasher.name(name));
            ps.setObject(3, birth);
            ps.setString(4, gender);
            ps.setString(5, gu);
            ps.setString(6, dong.isEmpty() ? null : dong);
            ps.setString(7, relation);
            ps.setTimestamp(8, now);
            return ps.executeUpdate();
        });
        return Optional.empty();
    }
}
