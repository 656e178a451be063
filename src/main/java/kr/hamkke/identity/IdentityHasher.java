package kr.hamkke.identity;

import jakarta.inject.Singleton;
import kr.hamkke.shared.Hashing;

import java.text.Normalizer;
import java.util.Locale;

/** Keyed hashes of identity numbers and names: the raw values are never stored. */
@Singleton
class IdentityHasher {

    private final String key;

    IdentityHasher(IdentityConfig config) {
        if (config.identityKey() == null || config.identityKey().length() < 16) {
            throw new IllegalStateException("hamkke.identity.identity-key (HAMKKE_IDENTITY_KEY) must be set, 16+ chars");
        }
        this.key = config.identityKey();
    }

    String identity(String identityNumber) {
        return Hashing.hmacSha256Hex(key, "id|" + identityNumber.replaceAll("[^0-9A-Za-z]", ""));
    }

    String name(String name) {
        String normalized = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        return Hashing.hmacSha256Hex(key, "name|" + normalized);
    }

    String code(String code) {
        return Hashing.hmacSha256Hex(key, "code|" + code);
    }
}
