package dev.vestibule.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.outage.StoreUnavailableException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class DatabaseOutagesTests {

    /** A port shaped like ours: every method answers a Mono or a Flux. */
    interface Port {
        Mono<String> one();

        Flux<String> many();
    }

    private static Port failingWith(RuntimeException failure) {
        return DatabaseOutages.translated(Port.class, new Port() {
            @Override
            public Mono<String> one() {
                return Mono.error(failure);
            }

            @Override
            public Flux<String> many() {
                return Flux.error(failure);
            }
        });
    }

    @Test
    void unreachableDatabaseBecomesTheDomainsOutage() {
        for (RuntimeException failure : new RuntimeException[] {
            new DataAccessResourceFailureException(
                    "Failed to obtain R2DBC Connection", new ConnectException("refused")),
            new QueryTimeoutException("timed out"),
            new CannotCreateTransactionException("Could not open R2DBC Connection for transaction"),
            new IllegalStateException("wrapped", new R2dbcNonTransientResourceException("Connection validation failed"))
        }) {
            StepVerifier.create(failingWith(failure).one())
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(StoreUnavailableException.class)
                            .hasCause(failure))
                    .verify();
            StepVerifier.create(failingWith(failure).many())
                    .expectError(StoreUnavailableException.class)
                    .verify();
        }
    }

    @Test
    void otherFailuresStayWhatTheyAre() {
        DuplicateKeyException duplicate = new DuplicateKeyException("users_username_key");

        StepVerifier.create(failingWith(duplicate).one())
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(duplicate))
                .verify();
    }

    @Test
    void resultsPassThroughAndTheAdapterStaysVisibleToTests() {
        Port adapter = new Port() {
            @Override
            public Mono<String> one() {
                return Mono.just("one");
            }

            @Override
            public Flux<String> many() {
                return Flux.just("a", "b");
            }
        };
        Port translated = DatabaseOutages.translated(Port.class, adapter);

        StepVerifier.create(translated.one()).expectNext("one").verifyComplete();
        StepVerifier.create(translated.many()).expectNext("a", "b").verifyComplete();
        assertThat(DatabaseOutages.adapterBehind(translated)).isSameAs(adapter);
    }
}
