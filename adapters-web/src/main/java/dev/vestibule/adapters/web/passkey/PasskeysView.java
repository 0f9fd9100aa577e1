package dev.vestibule.adapters.web.passkey;

import dev.vestibule.domain.model.passkey.Passkey;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the passkeys page shows: each passkey's name and dates, whether the add form must ask for the current password
 * (the re-authentication window is closed), and the longest name a form accepts.
 */
record PasskeysView(List<Row> passkeys, boolean askCurrentPassword, int maxNameLength) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** One passkey; {@code lastUsed} is empty when it never signed in. */
    record Row(String id, String name, String created, String lastUsed, boolean synced) {

        static Row from(Passkey passkey) {
            return new Row(
                    passkey.id().toString(),
                    passkey.name(),
                    WHEN.format(passkey.createdAt()),
                    passkey.lastUsedAt().map(WHEN::format).orElse(""),
                    passkey.backedUp());
        }

        public boolean used() {
            return !lastUsed.isEmpty();
        }
    }

    public boolean hasPasskeys() {
        return !passkeys.isEmpty();
    }
}
