package dev.vestibule.adapters.persistence.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.PostgresDataR2dbcTest;
import dev.vestibule.adapters.persistence.testing.PostgresTestDatabase;
import dev.vestibule.domain.model.mail.SecurityNotice.Notice;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.QueuedMail;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outbox contract against PostgreSQL (claims with FOR UPDATE SKIP LOCKED), with the schema from
 * db/migration/{common,postgresql}, plus a claim racing another connection's lock.
 */
@PostgresDataR2dbcTest
class R2dbcMailOutboxIT extends R2dbcMailOutboxContract {

    @Test
    void claimSkipsARowAnotherConnectionHoldsLockedWithoutWaitingForIt() throws Exception {
        enqueue(notice(UserId.random(), Notice.PASSWORD_CHANGED), NOW);
        enqueue(notice(UserId.random(), Notice.PASSWORD_RESET), NOW);
        PostgresTestDatabase database = PostgresTestDatabase.shared();
        try (Connection other =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                Statement statement = other.createStatement()) {
            // A second connection, inside an open transaction, holds the oldest row locked (another instance's
            // claim in flight).
            other.setAutoCommit(false);
            long locked;
            try (ResultSet row = statement.executeQuery("SELECT id FROM mail_outbox ORDER BY id LIMIT 1 FOR UPDATE")) {
                row.next();
                locked = row.getLong(1);
            }

            long started = System.nanoTime();
            List<QueuedMail> claimed =
                    outbox().claimDue(NOW, 10, LEASE).collectList().block(TIMEOUT);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(claimed).extracting(QueuedMail::id).hasSize(1).doesNotContain(locked);
            assertThat(took)
                    .as("the claim skipped the lock instead of waiting for it")
                    .isLessThan(Duration.ofSeconds(5));
            other.rollback();
        }
        assertThat(claim(NOW, 10)).hasSize(1);
    }
}
