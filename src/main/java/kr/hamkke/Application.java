package kr.hamkke;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import kr.hamkke.shared.db.EmbeddedDatabase;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.TimeZone;

/**
 * Starts Hamkke, or runs one of its command-line tools ({@code tally}, {@code sortition},
 * {@code audit-verify}) when the first argument names one.
 */
@OpenAPIDefinition(info = @Info(title = "Hamkke API", version = "0.1",
        description = "함께서울 — public and staff API of Seoul's participation platform. Errors are application/problem+json."))
public class Application {

    public static void main(String[] args) {
        // Instants are stored as UTC DATETIME(6); business dates use an explicit Asia/Seoul zone.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        if (args.length > 0 && !args[0].startsWith("-")) {
            System.exit(Commands.run(args[0], Arrays.copyOfRange(args, 1, args.length)));
        }
        // The embedded database means a developer's machine: dev environment with demo data.
        // An external database means a real deployment: prod, unless MICRONAUT_ENVIRONMENTS says otherwise.
        String defaultEnvironment = DatabaseSettings.externalConfigured() ? "prod" : "dev";
        if (!DatabaseSettings.externalConfigured()) {
            EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory().resolve("mariadb"));
            Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-db-stop"));
            DatabaseSettings.use(db);
        }
        Micronaut.build(args)
                .mainClass(Application.class)
                .defaultEnvironments(defaultEnvironment)
                .start();
    }

    /**
     * ./data of the project (kept between runs). `mvnw mn:run` starts the app inside target/,
     * which `clean` deletes, so a target/ working directory means the project folder above it.
     */
    static Path dataDirectory() {
        String configured = System.getenv("HAMKKE_DATA");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (cwd.getFileName() != null && cwd.getFileName().toString().equals("target")
                && java.nio.file.Files.exists(cwd.resolveSibling("pom.xml"))) {
            return cwd.getParent().resolve("data");
        }
        return cwd.resolve("data");
    }
}
