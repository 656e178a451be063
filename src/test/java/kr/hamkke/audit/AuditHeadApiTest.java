package kr.hamkke.audit;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.testing.Browser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class AuditHeadApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    AuditVerification verification;

    @Test
    void theHeadIsPublishedAsJsonForAnyone() {
        var response = new Browser(server.getURI()).json("GET", "/api/audit/head", null, null);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"head\":\"" + verification.head().head() + "\""), response.body());
        assertTrue(response.body().contains("\"chainHeads\":["));
    }
}
