package kr.hamkke.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

/** The key login throttling counts by: the client's address. */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(@Nullable HttpRequest<?> request) {
        if (request == null) {
            return "unknown";
        }
        var address = request.getRemoteAddress();
        return address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
    }
}
