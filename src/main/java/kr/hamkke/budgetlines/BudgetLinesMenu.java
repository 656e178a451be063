package kr.hamkke.budgetlines;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Menu;

import java.util.ArrayList;
import java.util.List;

/** Navigation entry for the public accountability pages and the staff links. */
@Singleton
class BudgetLinesMenu implements Menu {

    @Override
    public List<Link> navigation() {
        return List.of(new Link("/accountability", "budget.nav.accountability", 400));
    }

    @Override
    public List<Link> staffLinks(CurrentUser user) {
        List<Link> links = new ArrayList<>();
        if (user.has(Role.Names.BUDGET_STAFF) || user.has(Role.Names.AUDITOR)) {
            links.add(new Link("/staff/budget-lines", "budget.staff.lines", 400));
            links.add(new Link("/staff/budget-lines/imports", "budget.staff.imports", 410));
        }
        return links;
    }

    @Factory
    static class Messages {
        @Singleton
        @Bean(typed = MessageSource.class)
        MessageSource budgetLinesMessages() {
            return new ResourceBundleMessageSource("i18n.budgetlines");
        }
    }
}
