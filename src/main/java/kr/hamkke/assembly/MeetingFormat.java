package kr.hamkke.assembly;

import kr.hamkke.shared.DomainException;

/** How a topic meeting is held. The 2021 assembly met online (Zoom) and hybrid (venue plus online). */
public enum MeetingFormat {
    ONLINE, OFFLINE, HYBRID;

    public boolean hasVenue() {
        return this != ONLINE;
    }

    public boolean hasOnline() {
        return this != OFFLINE;
    }

    /** A validated format with its venue (offline/hybrid) and online link or note (online/hybrid). */
    public record Place(MeetingFormat format, String venue, String onlineNote) {
        public static Place online(String note) {
            return new Place(ONLINE, null, note);
        }

        /** Form input → place; offline and hybrid need a venue (422 otherwise); fields that do not apply are dropped. */
        public static Place of(String format, String venue, String onlineNote) {
            MeetingFormat f;
            try {
                f = format == null || format.isBlank() ? ONLINE : MeetingFormat.valueOf(format.strip());
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("assembly.meeting-format");
            }
            String v = venue == null || venue.isBlank() ? null : venue.strip();
            String n = onlineNote == null || onlineNote.isBlank() ? null : onlineNote.strip();
            if (f.hasVenue() && v == null) {
                throw DomainException.invalid("assembly.meeting-venue");
            }
            if ((v != null && v.length() > 200) || (n != null && n.length() > 500)) {
                throw DomainException.invalid("assembly.meeting-venue");
            }
            if (n != null && n.contains("://") && !(n.startsWith("https://") || n.startsWith("http://"))) {
                throw DomainException.invalid("assembly.meeting-link");
            }
            return new Place(f, f.hasVenue() ? v : null, f.hasOnline() ? n : null);
        }

        /** The online note as a link when it is an http(s) address. */
        public boolean linkIsUrl() {
            return onlineNote != null && (onlineNote.startsWith("https://") || onlineNote.startsWith("http://"));
        }
    }
}
