package dev.vestibule.adapters.redis.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.outage.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class OutageTranslatingSessionRepositoryTests {

    private final ReactiveMapSessionRepository stored = new ReactiveMapSessionRepository(new ConcurrentHashMap<>());

    @Test
    void findByIdWhenFirstReadGetsNoAnswerThenSecondReadServesTheSession() {
        MapSession session = saved();
        AtomicInteger reads = new AtomicInteger();
        var sessions = new OutageTranslatingSessionRepository<>(answeringFrom(2, reads));

        StepVerifier.create(sessions.findById(session.getId()))
                .assertNext(found -> assertThat(found.getId()).isEqualTo(session.getId()))
                .verifyComplete();
        assertThat(reads).hasValue(2);
    }

    @Test
    void findByIdWhenRedisNeverAnswersThenOutageWithinTwoAttempts() {
        MapSession session = saved();
        AtomicInteger reads = new AtomicInteger();
        var sessions = new OutageTranslatingSessionRepository<>(answeringFrom(Integer.MAX_VALUE, reads));
        Duration twoAttempts = OutageTranslatingSessionRepository.READ_ATTEMPT.multipliedBy(2);

        // Virtual time: the outage is reported after exactly two attempts, however busy the machine running this is.
        StepVerifier.withVirtualTime(() -> sessions.findById(session.getId()))
                .expectSubscription()
                .expectNoEvent(twoAttempts.minusMillis(1))
                .thenAwait(Duration.ofMillis(1))
                .expectError(StoreUnavailableException.class)
                .verify(Duration.ofSeconds(5));

        assertThat(reads).hasValue(2);
        assertThat(twoAttempts).isLessThan(Duration.ofMillis(1_900));
    }

    private MapSession saved() {
        MapSession session = stored.createSession().block();
        stored.save(session).block();
        return session;
    }

    /** The stored sessions, except that reads before the {@code firstAnswered}-th never get an answer. */
    private ReactiveSessionRepository<MapSession> answeringFrom(int firstAnswered, AtomicInteger reads) {
        return new ReactiveSessionRepository<>() {
            @Override
            public Mono<MapSession> createSession() {
                return stored.createSession();
            }

            @Override
            public Mono<Void> save(MapSession session) {
                return stored.save(session);
            }

            @Override
            public Mono<MapSession> findById(String id) {
                return reads.incrementAndGet() < firstAnswered ? Mono.never() : stored.findById(id);
            }

            @Override
            public Mono<Void> deleteById(String id) {
                return stored.deleteById(id);
            }
        };
    }
}
