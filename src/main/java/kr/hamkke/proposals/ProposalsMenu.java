package kr.hamkke.proposals;

import jakarta.inject.Singleton;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Menu;

import java.util.ArrayList;
import java.util.List;

@Singleton
class ProposalsMenu implements Menu {

    @Override
    public List<Link> navigation() {
        return List.of(new Link("/participate", "nav.participate", 10), new Link("/proposals", "nav.proposals", 20));
    }

    @Override
    public List<Link> staffLinks(CurrentUser user) {
        List<Link> links = new ArrayList<>();
        if (user.has(Role.Names.MODERATOR)) {
            links.add(new Link("/staff/proposals/screening", "staff.proposals.screening", 100));
            links.add(new Link("/staff/proposals/moderation", "staff.proposals.moderation", 110));
        }
        if (user.has(Role.Names.MODERATOR) || user.has(Role.Names.ADMIN) || user.has(Role.Names.DEPT_REVIEWER)) {
            links.add(new Link("/staff/proposals/review", "staff.proposals.review", 120));
        }
        if (user.has(Role.Names.MODERATOR) || user.has(Role.Names.ADMIN)) {
            links.add(new Link("/staff/themes", "staff.themes", 125));
        }
        if (user.has(Role.Names.AGENDA_GROUP)) {
            links.add(new Link("/staff/proposals/agenda", "staff.proposals.agenda", 130));
        }
        if (user.has(Role.Names.DEPT_REVIEWER) || user.has(Role.Names.ADMIN)) {
            links.add(new Link("/staff/city-questions", "staff.proposals.questions", 140));
        }
        return links;
    }
}
