package kr.hamkke.identity;

import io.micronaut.context.annotation.ConfigurationProperties;

@ConfigurationProperties("hamkke.identity")
public record IdentityConfig(String identityKey, int loginMaxFailures, int loginLockMinutes) {
}
