package dev.vestibule.domain.model.event;

import java.util.List;
import java.util.Objects;

/**
 * One page of a user's activity list (issue 13 finding 3): page 1 is the newest; {@code hasOlder} when another page
 * follows.
 */
public record ActivityPage(List<ActivityEntry> entries, int number, boolean hasOlder) {

    /** Events per page, before grouping. */
    public static final int SIZE = 50;

    /** Pages beyond this are not served: 400 days of an ordinary account's activity fit many times over. */
    public static final int LAST = 1_000;

    public ActivityPage {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        checkNumber(number);
    }

    /** Accepts the page numbers a visitor may ask for: 1 to {@link #LAST}. */
    public static int checkNumber(int number) {
        if (number < 1 || number > LAST) {
            throw new IllegalArgumentException("a page of activity is numbered 1 to " + LAST + ", was " + number);
        }
        return number;
    }
}
