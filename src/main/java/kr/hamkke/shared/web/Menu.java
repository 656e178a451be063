package kr.hamkke.shared.web;

import java.util.List;

/**
 * A feature's entries in the site navigation and in the staff hub. Each feature contributes one
 * bean, so the layout never needs to know which features exist.
 */
public interface Menu {

    record Link(String href, String labelKey, int order) {
    }

    /** Public navigation entries. */
    default List<Link> navigation() {
        return List.of();
    }

    /** Staff hub entries this user may use. */
    default List<Link> staffLinks(CurrentUser user) {
        return List.of();
    }
}
