package kr.hamkke.shared.web;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ClientAddressesTest {

    @Test
    void theConfiguredProxyHeaderNamesTheClient() {
        var behindProxy = new ClientAddresses("X-Real-IP");
        assertEquals("203.0.113.7", behindProxy.of(HttpRequest.GET("/signin").header("X-Real-IP", "203.0.113.7")));
    }

    @Test
    void withoutAConfiguredHeaderAClientCannotChooseItsOwnKey() {
        var direct = new ClientAddresses("");
        assertNotEquals("203.0.113.7", direct.of(HttpRequest.GET("/signin").header("X-Real-IP", "203.0.113.7")));
    }

    @Test
    void aMissingHeaderFallsBackToTheSocketAddress() {
        var behindProxy = new ClientAddresses("X-Real-IP");
        var request = HttpRequest.GET("/signin");
        assertEquals(new ClientAddresses("").of(request), behindProxy.of(request));
    }
}
