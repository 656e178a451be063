package kr.hamkke.shared.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * The client address that throttles and rate limits count by. Behind a load balancer the socket address is
 * the balancer's, so every citizen would share one allowance; the operator then names the header the proxy
 * overwrites with the real address (nginx: {@code proxy_set_header X-Real-IP $remote_addr}). Without such a
 * proxy the header must stay unset, or clients could choose their own key.
 */
@Singleton
public class ClientAddresses {

    private final String clientHeader;

    public ClientAddresses(@Value("${hamkke.rate-limits.client-header:}") String clientHeader) {
        this.clientHeader = clientHeader.strip();
    }

    public String of(@Nullable HttpRequest<?> request) {
        if (request == null) {
            return "unknown";
        }
        if (!clientHeader.isEmpty()) {
            String forwarded = request.getHeaders().get(clientHeader);
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.strip();
            }
        }
        var address = request.getRemoteAddress();
        return address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
    }
}
