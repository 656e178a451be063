package kr.hamkke.proposals;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** UI text of 민주주의 서울: i18n/proposals_{ko,en}.properties. */
@Factory
class ProposalsMessages {

    @Singleton
    @Named("proposals")
    MessageSource proposalsMessages() {
        return new ResourceBundleMessageSource("i18n.proposals");
    }
}
