package dev.vestibule.application.passkey;

import dev.vestibule.domain.model.twofactor.SecondFactors;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.PasskeyRepository;
import dev.vestibule.domain.port.out.SecondFactorEnrolments;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** The passkeys' part of a user's second factors: how many they have (one is enough for a second step). */
public final class PasskeyEnrolments implements SecondFactorEnrolments {

    private final PasskeyRepository passkeys;

    public PasskeyEnrolments(PasskeyRepository passkeys) {
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
    }

    @Override
    public Mono<SecondFactors> of(UserId userId) {
        return passkeys.countFor(userId)
                .filter(count -> count > 0)
                .map(count -> new SecondFactors(false, 0, (int) Math.min(Integer.MAX_VALUE, count)));
    }
}
