package dev.vestibule.application.twofactor;

import dev.vestibule.domain.model.twofactor.SecondFactors;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.AuthenticatorAppRepository;
import dev.vestibule.domain.port.out.RecoveryCodeRepository;
import dev.vestibule.domain.port.out.SecondFactorEnrolments;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** This store's part of a user's second factors: whether the authenticator app is on, and the recovery codes left. */
public final class AuthenticatorAppEnrolments implements SecondFactorEnrolments {

    private final AuthenticatorAppRepository apps;
    private final RecoveryCodeRepository recoveryCodes;

    public AuthenticatorAppEnrolments(AuthenticatorAppRepository apps, RecoveryCodeRepository recoveryCodes) {
        this.apps = Objects.requireNonNull(apps, "apps");
        this.recoveryCodes = Objects.requireNonNull(recoveryCodes, "recoveryCodes");
    }

    @Override
    public Mono<SecondFactors> of(UserId userId) {
        return apps.find(userId)
                .hasElement()
                .zipWith(recoveryCodes.countLeft(userId))
                .map(found -> new SecondFactors(found.getT1(), found.getT2(), 0));
    }
}
