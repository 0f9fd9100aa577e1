package dev.vestibule.bootstrap.abuse;

import static dev.vestibule.bootstrap.support.RunningVestibule.executeSql;
import static dev.vestibule.bootstrap.support.RunningVestibule.queryForLong;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.RunningVestibule;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Security events, device records and mailed links do not pile up forever: a running instance purges security
 * events past the retention period, devices and links (spent or not) past their own lifetime, and keeps
 * everything younger.
 */
class RetentionPurgeIT {

    private static final long WAIT_MILLIS = 60_000;

    private String marker;
    private String expiredDevice;
    private String validDevice;
    private String expiredSeries;
    private String validSeries;
    private String expiredLink;
    private String validLink;

    @Test
    void aRunningInstancePurgesOldRowsAndKeepsRecentOnes() throws InterruptedException {
        try (RunningVestibule instance = RunningVestibule.start(
                "--vestibule.retention.security-events=400d", "--vestibule.retention.purge-interval=1s")) {
            // The instance has migrated the schema; its purge runs every second from now on.
            UUID user = storedUser();
            String marker = "retention-it-" + UUID.randomUUID();
            insertEvent(user, marker, "401 days");
            insertEvent(null, marker, "500 days");
            insertEvent(user, marker, "399 days");
            insertEvent(user, marker, "1 minute");
            expiredDevice = insertKnownBrowser(user, "- interval '1 minute'");
            validDevice = insertKnownBrowser(user, "+ interval '1 day'");
            expiredSeries = insertRememberedBrowser(user, "- interval '1 minute'");
            validSeries = insertRememberedBrowser(user, "+ interval '1 day'");
            // Link tokens: an expired one that was spent, and one that still works.
            expiredLink = insertLink(user, "- interval '1 minute'", "now() - interval '30 minutes'");
            validLink = insertLink(user, "+ interval '1 hour'", "NULL");
            this.marker = marker;

            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (System.currentTimeMillis() < deadline
                    && (eventsOf(marker) > 2
                            || knownBrowser(expiredDevice) > 0
                            || rememberedBrowser(expiredSeries) > 0
                            || link(expiredLink) > 0)) {
                Thread.sleep(200);
            }
        }

        assertThat(eventsOf(marker)).as("events younger than 400 days").isEqualTo(2);
        assertThat(queryForLong(
                        "SELECT count(*) FROM security_events WHERE user_agent = ? AND occurred_at < now() - interval '400 days'",
                        marker))
                .isZero();
        assertThat(knownBrowser(expiredDevice)).isZero();
        assertThat(knownBrowser(validDevice)).isOne();
        assertThat(rememberedBrowser(expiredSeries)).isZero();
        assertThat(rememberedBrowser(validSeries)).isOne();
        assertThat(link(expiredLink)).isZero();
        assertThat(link(validLink)).isOne();
    }

    private static UUID storedUser() {
        UUID id = UUID.randomUUID();
        String name = "ret" + id.toString().replace("-", "").substring(0, 16);
        executeSql(
                "INSERT INTO users (id, username, email, password_hash, active, registered_at, security_stamp)"
                        + " VALUES (?, ?, ?, ?, true, now(), 'retention-it')",
                id,
                name,
                name + "@example.com",
                "{noop}unused");
        return id;
    }

    private static void insertEvent(UUID user, String marker, String age) {
        executeSql(
                "INSERT INTO security_events (type, occurred_at, user_id, client_address, user_agent) "
                        + "VALUES ('LOGIN_FAILED', now() - interval '" + age + "', ?, '198.51.100.7', ?)",
                user,
                marker);
    }

    private static String insertKnownBrowser(UUID user, String expiry) {
        String id = UUID.randomUUID().toString().replace("-", "");
        executeSql("INSERT INTO known_devices (id, user_id, expires_at) VALUES (?, ?, now() " + expiry + ")", id, user);
        return id;
    }

    private static String insertRememberedBrowser(UUID user, String expiry) {
        String series = UUID.randomUUID().toString().replace("-", "");
        executeSql(
                "INSERT INTO remembered_devices"
                        + " (series, user_id, secret_hash, rotated_at, expires_at, security_stamp, remembered_at) "
                        + "VALUES (?, ?, 'x', now(), now() " + expiry + ", 'retention-it', now())",
                series,
                user);
        return series;
    }

    private static String insertLink(UUID user, String expiry, String spentAt) {
        String hash = UUID.randomUUID().toString().replace("-", "");
        executeSql(
                "INSERT INTO link_tokens (token_hash, purpose, user_id, sent_to, issued_at, expires_at, spent_at)"
                        + " VALUES (?, 'PASSWORD_RESET', ?, 'retention@example.com', now() - interval '2 hours',"
                        + " now() " + expiry + ", " + spentAt + ")",
                hash,
                user);
        return hash;
    }

    private static long link(String hash) {
        return queryForLong("SELECT count(*) FROM link_tokens WHERE token_hash = ?", hash);
    }

    private static long eventsOf(String marker) {
        return queryForLong("SELECT count(*) FROM security_events WHERE user_agent = ?", marker);
    }

    private static long knownBrowser(String id) {
        return queryForLong("SELECT count(*) FROM known_devices WHERE id = ?", id);
    }

    private static long rememberedBrowser(String series) {
        return queryForLong("SELECT count(*) FROM remembered_devices WHERE series = ?", series);
    }
}
