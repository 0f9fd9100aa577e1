package dev.vestibule.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vestibule.application.fakes.FakePasswordHasher;
import dev.vestibule.domain.model.password.PasswordCheck;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.port.out.PasswordHasher;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MeteredPasswordHasherTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void hashesAndVerificationsAreTimedApartAndAnswerAsTheHasherDoes() {
        PasswordHasher hasher = new MeteredPasswordHasher(new FakePasswordHasher(), registry);

        PasswordHash hash = hasher.hash("correct horse");
        PasswordCheck right = hasher.verify("correct horse", hash);
        PasswordCheck wrong = hasher.verify("wrong horse", hash);

        assertThat(right).isEqualTo(PasswordCheck.MATCHES);
        assertThat(wrong).isEqualTo(PasswordCheck.DOES_NOT_MATCH);
        assertThat(timer("hash").count()).isEqualTo(1);
        assertThat(timer("verify").count()).isEqualTo(2);
    }

    @Test
    void theTimeRecordedIsTheTimeTheHashTook() {
        PasswordHasher slow = new PasswordHasher() {
            @Override
            public PasswordHash hash(String password) {
                sleep(30);
                return new PasswordHash("{slow}" + password);
            }

            @Override
            public PasswordCheck verify(String password, PasswordHash hash) {
                sleep(20);
                return PasswordCheck.MATCHES;
            }
        };
        PasswordHasher hasher = new MeteredPasswordHasher(slow, registry);

        hasher.verify("pw", hasher.hash("pw"));

        assertThat(timer("hash").totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(30);
        assertThat(timer("verify").totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aHasherThatFailsStillCountsAndItsFailureReachesTheCaller() {
        PasswordHasher broken = new PasswordHasher() {
            @Override
            public PasswordHash hash(String password) {
                throw new IllegalStateException("no memory for the hash");
            }

            @Override
            public PasswordCheck verify(String password, PasswordHash hash) {
                throw new IllegalStateException("no memory for the hash");
            }
        };
        PasswordHasher hasher = new MeteredPasswordHasher(broken, registry);

        assertThatThrownBy(() -> hasher.hash("pw")).hasMessage("no memory for the hash");
        assertThat(timer("hash").count()).isEqualTo(1);
    }

    private Timer timer(String operation) {
        return registry.get(MeteredPasswordHasher.HASHING)
                .tag("operation", operation)
                .timer();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
