package kr.hamkke.shared.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** All UI text comes from i18n/messages_{ko,en}.properties. */
@Factory
class MessagesFactory {

    @Singleton
    MessageSource messageSource() {
        return new ResourceBundleMessageSource("i18n.messages");
    }
}
