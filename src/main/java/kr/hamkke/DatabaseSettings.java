package kr.hamkke;

import kr.hamkke.shared.db.EmbeddedDatabase;

/** Decides between an external database (configured) and the embedded default. */
public final class DatabaseSettings {

    private DatabaseSettings() {
    }

    public static boolean externalConfigured() {
        return notBlank(System.getenv("DATASOURCES_DEFAULT_URL"))
                || notBlank(System.getProperty("datasources.default.url"));
    }

    /** Points the default datasource at the embedded server (system properties win over YAML). */
    public static void use(EmbeddedDatabase db) {
        System.setProperty("datasources.default.url", db.jdbcUrl());
        System.setProperty("datasources.default.username", db.username());
        System.setProperty("datasources.default.password", db.password());
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
