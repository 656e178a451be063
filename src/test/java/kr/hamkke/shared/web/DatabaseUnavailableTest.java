package kr.hamkke.shared.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.testing.Browser;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When no database connection can be had, a request fails fast (Hikari's connection-timeout, 3 s
 * from application.yml) with 503 + problem JSON + Retry-After, health is DOWN, and the app serves
 * again as soon as connections are available — without a restart. The pool is exhausted here
 * (a small pool, every connection held by the test), which is what a stopped database looks like
 * to a request: Hikari cannot hand out a connection. bench/db-outage.sh stops a real server.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.maximum-pool-size", value = "3")
@Property(name = "datasources.default.minimum-idle", value = "1")
@Property(name = "hamkke.proposals.scheduler.enabled", value = "false")
class DatabaseUnavailableTest {

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;

    @Test
    void withoutAConnectionRequestsGet503ProblemJsonWithinTheTimeoutAndTheAppRecoversAlone() throws Exception {
        Browser b = new Browser(server.getURI());
        assertEquals(200, b.json("GET", "/api/proposals", null, null).statusCode());

        DataSource pool = DelegatingDataSource.unwrapDataSource(dataSource);
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(pool.getConnection());
            }
            long t0 = System.nanoTime();
            var response = b.json("GET", "/api/proposals", null, null);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(503, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(response.body().contains("\"code\":\"unavailable\""), response.body());
            assertEquals("5", response.headers().firstValue("Retry-After").orElse(""));
            assertTrue(millis < 6_000, "failed fast, not hanging: " + millis + " ms");
            assertEquals(503, b.json("GET", "/health", null, null).statusCode(), "health is DOWN");
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertEquals(200, b.json("GET", "/api/proposals", null, null).statusCode(), "serves again without a restart");
        var health = b.json("GET", "/health", null, null);
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("UP"), health.body());
    }
}
