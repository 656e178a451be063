package kr.hamkke.budgeting.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** UI text of 시민참여예산: i18n/budgeting_{ko,en}.properties. */
@Factory
class BudgetingMessages {

    @Singleton
    MessageSource budgetingMessages() {
        return new ResourceBundleMessageSource("i18n.budgeting");
    }
}
