package kr.hamkke.identity;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The 25 자치구 and the org units, read once: reference data changes only by migration. */
@Singleton
public class ReferenceData {

    public record District(String guCode, String nameKo, String nameEn, String region) {
    }

    public record OrgUnit(String code, String nameKo, String nameEn, String kind) {
    }

    private final JdbcOperations jdbc;
    private volatile List<District> districts;
    private volatile List<OrgUnit> orgUnits;

    ReferenceData(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<District> districts() {
        if (districts == null) {
            districts = jdbc.prepareStatement("SELECT gu_code, name_ko, name_en, region_ko FROM district ORDER BY name_ko", ps -> {
                List<District> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new District(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
                return List.copyOf(list);
            });
        }
        return districts;
    }

    @Transactional(readOnly = true)
    public List<OrgUnit> orgUnits() {
        if (orgUnits == null) {
            orgUnits = jdbc.prepareStatement(
                    "SELECT code, name_ko, name_en, kind FROM org_unit WHERE valid_to IS NULL ORDER BY name_ko", ps -> {
                        List<OrgUnit> list = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                list.add(new OrgUnit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                            }
                        }
                        return List.copyOf(list);
                    });
        }
        return orgUnits;
    }

    public boolean isDistrict(String guCode) {
        return district(guCode).isPresent();
    }

    public Optional<District> district(String guCode) {
        return districts().stream().filter(d -> d.guCode().equals(guCode)).findFirst();
    }

    public boolean isOrgUnit(String code) {
        return orgUnits().stream().anyMatch(o -> o.code().equals(code));
    }
}
