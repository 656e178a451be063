package kr.hamkke.assembly;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Menu;

import java.util.ArrayList;
import java.util.List;

/** Navigation entry and staff links of 서울시민회의. */
@Singleton
class AssemblyMenu implements Menu {

    @Override
    public List<Link> navigation() {
        return List.of(new Link("/assembly", "assembly.nav", 30));
    }

    @Override
    public List<Link> staffLinks(CurrentUser user) {
        List<Link> links = new ArrayList<>();
        if (user.has(Role.Names.ADMIN)) {
            links.add(new Link("/staff/assembly", "assembly.staff.title", 300));
        }
        if (user.has(Role.Names.DEPT_REVIEWER)) {
            links.add(new Link("/assembly/responses", "assembly.responses.title", 310));
        }
        if (user.has(Role.Names.FACILITATOR)) {
            links.add(new Link("/assembly", "assembly.facilitator.link", 320));
        }
        return links;
    }

    @Factory
    static class Messages {
        @Singleton
        MessageSource assemblyMessages() {
            return new ResourceBundleMessageSource("i18n.assembly");
        }
    }
}
