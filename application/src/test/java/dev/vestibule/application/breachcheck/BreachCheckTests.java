package dev.vestibule.application.breachcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.password.BreachCheckAnswer;
import dev.vestibule.domain.model.password.PasswordRejection;
import dev.vestibule.domain.model.password.WhenBreachCheckUnavailable;
import dev.vestibule.domain.port.out.BreachedPasswords;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class BreachCheckTests {

    private static Optional<PasswordRejection> screen(
            BreachedPasswords corpus, WhenBreachCheckUnavailable whenUnavailable, String password) {
        return new BreachCheck(corpus, whenUnavailable).screen(password).block();
    }

    @Test
    void aBreachedPasswordIsRefusedAsBreachedWhateverTheFailureMode() {
        BreachedPasswords corpus = password -> Mono.just(BreachCheckAnswer.BREACHED);

        assertThat(screen(corpus, WhenBreachCheckUnavailable.ACCEPT, "P@ssw0rd123"))
                .contains(new PasswordRejection.Breached());
        assertThat(screen(corpus, WhenBreachCheckUnavailable.REFUSE, "P@ssw0rd123"))
                .contains(new PasswordRejection.Breached());
    }

    @Test
    void aPasswordNotInTheCorpusPasses() {
        BreachedPasswords corpus = password -> Mono.just(BreachCheckAnswer.NOT_BREACHED);

        assertThat(screen(corpus, WhenBreachCheckUnavailable.REFUSE, "a fine long passphrase"))
                .isEmpty();
    }

    @Test
    void failingOpenAcceptsWhenTheCorpusCannotAnswerAndFailingClosedAsksToTryAgain() {
        BreachedPasswords down = password -> Mono.just(BreachCheckAnswer.UNAVAILABLE);

        assertThat(screen(down, WhenBreachCheckUnavailable.ACCEPT, "a fine long passphrase"))
                .isEmpty();
        assertThat(screen(down, WhenBreachCheckUnavailable.REFUSE, "a fine long passphrase"))
                .contains(new PasswordRejection.BreachCheckUnavailable());
    }

    @Test
    void anAdapterThatFailsOrAnswersNothingCountsAsUnavailableNotAsAnError() {
        BreachedPasswords failing = password -> Mono.error(new IllegalStateException("boom"));
        BreachedPasswords silent = password -> Mono.empty();

        StepVerifier.create(new BreachCheck(failing, WhenBreachCheckUnavailable.REFUSE).screen("x"))
                .expectNext(Optional.of(new PasswordRejection.BreachCheckUnavailable()))
                .verifyComplete();
        assertThat(screen(silent, WhenBreachCheckUnavailable.ACCEPT, "x")).isEmpty();
        assertThat(screen(failing, WhenBreachCheckUnavailable.ACCEPT, "x")).isEmpty();
    }

    @Test
    void theCorpusIsAskedForThePasswordInTheFormItIsHashedIn() {
        List<String> asked = new CopyOnWriteArrayList<>();
        BreachedPasswords corpus = password -> {
            asked.add(password);
            return Mono.just(BreachCheckAnswer.NOT_BREACHED);
        };

        // Full-width letters and digits: NFKC makes them ASCII, as it does before hashing.
        screen(corpus, WhenBreachCheckUnavailable.ACCEPT, "ｐａｓｓｗｏｒｄ１２３");

        assertThat(asked).containsExactly("password123");
    }

    @Test
    void offAsksNobodyAndPassesEverything() {
        assertThat(BreachCheck.off().screen("password").block()).isEmpty();
    }
}
