package kr.hamkke.budgeting.web;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Menu;

@Singleton
class BudgetingMenu implements Menu {

    @Override
    public List<Link> navigation() {
        return List.of(new Link("/budgeting", "budgeting.nav", 20));
    }

    @Override
    public List<Link> staffLinks(CurrentUser user) {
        List<Link> links = new ArrayList<>();
        if (user.has("BUDGET_STAFF") || user.has("DISTRICT_OFFICER") || user.has("DEPT_REVIEWER") || user.has("PANEL_MEMBER")) {
            links.add(new Link("/budgeting/staff", "budgeting.staff.title", 200));
        }
        return links;
    }
}
