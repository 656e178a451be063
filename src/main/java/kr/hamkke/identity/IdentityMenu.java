package kr.hamkke.identity;

import jakarta.inject.Singleton;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Menu;

import java.util.ArrayList;
import java.util.List;

@Singleton
class IdentityMenu implements Menu {

    @Override
    public List<Link> staffLinks(CurrentUser user) {
        List<Link> links = new ArrayList<>();
        if (user.has(Role.Names.ADMIN)) {
            links.add(new Link("/admin/roles", "admin.roles.title", 900));
            links.add(new Link("/admin/census", "admin.census.title", 910));
            links.add(new Link("/admin/sms-outbox", "admin.sms.title", 920));
        }
        if (user.has(Role.Names.ADMIN) || user.has(Role.Names.AUDITOR)) {
            links.add(new Link("/admin/audit", "admin.audit.title", 930));
        }
        return links;
    }
}
