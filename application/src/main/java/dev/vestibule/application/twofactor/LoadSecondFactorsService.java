package dev.vestibule.application.twofactor;

import dev.vestibule.domain.model.twofactor.SecondFactors;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.LoadSecondFactors;
import dev.vestibule.domain.port.out.SecondFactorEnrolments;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Adds up what each store of second factors (authenticator app and recovery codes; passkeys) knows of a user. */
public final class LoadSecondFactorsService implements LoadSecondFactors {

    private final List<SecondFactorEnrolments> stores;

    public LoadSecondFactorsService(List<SecondFactorEnrolments> stores) {
        this.stores = List.copyOf(Objects.requireNonNull(stores, "stores"));
    }

    @Override
    public Mono<SecondFactors> of(UserId userId) {
        Objects.requireNonNull(userId, "userId");
        return Flux.fromIterable(stores)
                .concatMap(store -> store.of(userId))
                .reduce(SecondFactors.NONE, SecondFactors::plus);
    }
}
