package dev.vestibule.bootstrap.cluster;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.testing.PostgresTestDatabase;
import dev.vestibule.bootstrap.cluster.HeadlessChromium.RestoredTab;
import dev.vestibule.bootstrap.cluster.LocalCluster.ServedRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13 finding 1, the tolerance the narrowed grace must keep: a browser reopened with twenty tabs of the site
 * sends twenty requests at once, all with the same remember-me secret and no session. The first to arrive rotates
 * the secret; the others carry the secret it replaced. Through HAProxy (HTTP/2, round-robin over instances that
 * share only PostgreSQL and Redis), every tab must come back signed in, with one rotation, the other uses recorded
 * as grace uses (within the default allowance and period), and no theft alarm. It restores three times and prints
 * how many grace uses a restore needed and how long after the rotation the last one arrived: the figures the grace
 * defaults (docs/security.md, "Remember me") are chosen from.
 */
@ExtendWith(LocalClusterExtension.class)
class RestoredTabsIT {

    private static final int TABS = 20;

    private final LocalCluster cluster;

    RestoredTabsIT(LocalCluster cluster) {
        this.cluster = cluster;
    }

    /** The defaults the cluster runs with (vestibule.remember-me.rotation-grace-uses, -period). */
    private static final int DEFAULT_GRACE_USES = 10;

    private static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(5);

    private static final int ROUNDS = 3;

    @Test
    void twentyTabsRestoredAtOnceAcrossInstancesAreAllSignedInWithOneRotationAndNoTheftAlarm() {
        long mostGraceUses = 0;
        Duration latestUse = Duration.ZERO;
        for (int round = 1; round <= ROUNDS; round++) {
            Restore restore = restoreTwentyTabs(round);
            mostGraceUses = Math.max(mostGraceUses, restore.graceUses());
            latestUse = latestUse.compareTo(restore.lastUse()) < 0 ? restore.lastUse() : latestUse;
        }
        System.out.printf(
                "%d tabs restored at once, %d rounds: at most %d grace uses, the last use at most %d ms after the"
                        + " rotation (defaults: %d uses, %d ms)%n",
                TABS, ROUNDS, mostGraceUses, latestUse.toMillis(), DEFAULT_GRACE_USES, DEFAULT_GRACE_PERIOD.toMillis());
    }

    private record Restore(long graceUses, Duration lastUse) {}

    private Restore restoreTwentyTabs(int round) {
        String username = uniqueUsername("Tabs");
        LoadBalancerClient setup = new LoadBalancerClient(cluster);
        setup.register(username, emailOf(username), PASSWORD);
        setup.logOut();
        try (HeadlessChromium browser = new HeadlessChromium(cluster.baseUrl())) {
            browser.open("/login");
            browser.fill("username", username);
            browser.fill("password", PASSWORD);
            browser.check("remember-me");
            browser.submit("form[action='/login']");
            String rememberedAtLogin = browser.cookie("remember-me").getValue();
            // The browser was closed and is opened again: its session cookie is gone, the persistent one stays.
            browser.dropCookie("SESSION");
            int mark = cluster.logMark();

            List<RestoredTab> tabs = browser.restoreTabsAtOnce("/top-secret", TABS);

            List<ServedRequest> restore = cluster.requestsSince(mark).stream()
                    .filter(request -> request.path().startsWith("/top-secret"))
                    .toList();
            Map<String, Long> perInstance = restore.stream()
                    .collect(Collectors.groupingBy(ServedRequest::instance, TreeMap::new, Collectors.counting()));
            Map<String, Long> events = eventCounts(username);
            Duration lastUse = lastUseAfterRotation(username);
            System.out.printf(
                    "round %d, %d tabs restored at once: %d requests, per instance %s, signed in %d, events %s, "
                            + "last use %d ms after the rotation%n",
                    round,
                    TABS,
                    restore.size(),
                    perInstance,
                    tabs.stream()
                            .filter(tab -> tab.signedInAs().equals(username))
                            .count(),
                    events,
                    lastUse.toMillis());

            assertThat(tabs).hasSize(TABS).allSatisfy(tab -> {
                assertThat(tab.path()).isEqualTo("/top-secret");
                assertThat(tab.signedInAs()).isEqualTo(username);
            });
            assertThat(perInstance.size())
                    .as("instances that served the restore")
                    .isGreaterThanOrEqualTo(2);
            assertThat(events.getOrDefault("REMEMBER_ME_THEFT_DETECTED", 0L))
                    .as("theft alarms")
                    .isZero();
            assertThat(events.getOrDefault("REMEMBER_ME_USED", 0L))
                    .as("rotations")
                    .isEqualTo(1);
            long graceUses = events.getOrDefault("REMEMBER_ME_GRACE_USED", 0L);
            assertThat(graceUses)
                    .as("uses of the secret the rotation replaced")
                    .isLessThanOrEqualTo(DEFAULT_GRACE_USES);
            assertThat(lastUse).isLessThan(DEFAULT_GRACE_PERIOD);
            browser.open("/"); // cookies are read for the page open, and the restore ended on a blank one
            assertThat(browser.cookie("remember-me").getValue())
                    .as("the rotated secret")
                    .isNotEqualTo(rememberedAtLogin);
            assertThat(count(
                            "SELECT count(*) FROM remembered_devices d JOIN users u ON u.id = d.user_id"
                                    + " WHERE u.username = ?",
                            username))
                    .as("the series is still remembered")
                    .isEqualTo(1);
            return new Restore(graceUses, lastUse);
        }
    }

    private Map<String, Long> eventCounts(String username) {
        Map<String, Long> counts = new TreeMap<>();
        query(
                "SELECT e.type, count(*) FROM security_events e JOIN users u ON u.id = e.user_id"
                        + " WHERE u.username = ? AND e.type LIKE 'REMEMBER_ME%' GROUP BY e.type",
                username, row -> counts.put(row.getString(1), row.getLong(2)));
        return counts;
    }

    /** From the rotation (the first remembered use) to the last use of the series, grace uses included. */
    private Duration lastUseAfterRotation(String username) {
        List<OffsetDateTime> uses = new ArrayList<>();
        query(
                "SELECT e.occurred_at FROM security_events e JOIN users u ON u.id = e.user_id"
                        + " WHERE u.username = ? AND e.type IN ('REMEMBER_ME_USED', 'REMEMBER_ME_GRACE_USED')"
                        + " ORDER BY e.occurred_at",
                username,
                row -> uses.add(row.getObject(1, OffsetDateTime.class)));
        return uses.isEmpty() ? Duration.ZERO : Duration.between(uses.get(0), uses.get(uses.size() - 1));
    }

    private long count(String sql, String parameter) {
        long[] result = {0};
        query(sql, parameter, row -> result[0] = row.getLong(1));
        return result[0];
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, String parameter, RowReader reader) {
        PostgresTestDatabase database = cluster.database();
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
