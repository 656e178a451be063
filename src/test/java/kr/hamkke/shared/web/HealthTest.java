package kr.hamkke.shared.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.testing.Browser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health says UP or DOWN to anyone, but names no database host to an anonymous caller. */
@MicronautTest(transactional = false)
class HealthTest {

    @Inject
    EmbeddedServer server;

    @Test
    void anonymousHealthShowsStatusWithoutDetails() {
        var response = new Browser(server.getURI()).json("GET", "/health", null, null);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"status\":\"UP\""), response.body());
        assertFalse(response.body().contains("jdbc:"), response.body());
    }
}
